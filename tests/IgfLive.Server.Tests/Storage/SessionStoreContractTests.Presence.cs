using IgfLive.Server.Storage;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Storage;

// The contract of IPresenceStore: reports, leases and the peak.
public abstract partial class SessionStoreContractTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ThePeakOfParticipantsOnlineOnlyEverRises()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws134", "WS134"), TestEvents.Created(), Ct));
        Assert.Equal(PresenceCount.None, await store.Presence.GetPresenceAsync("ws133", Ct));

        Assert.Equal(new PresenceCount(57, 57), await store.Presence.ReportPresenceAsync("ws133", "node-a", 57, Lease, Ct));
        Assert.Equal(new PresenceCount(12, 57), await store.Presence.ReportPresenceAsync("ws133", "node-a", 12, Lease, Ct));
        Assert.Equal(new PresenceCount(57, 57), await store.Presence.ReportPresenceAsync("ws133", "node-a", 57, Lease, Ct));
        Assert.Equal(new PresenceCount(58, 58), await store.Presence.ReportPresenceAsync("ws133", "node-a", 58, Lease, Ct));
        Assert.Equal(new PresenceCount(3, 3), await store.Presence.ReportPresenceAsync("ws134", "node-a", 3, Lease, Ct));

        Assert.Equal(new PresenceCount(58, 58), await store.Presence.GetPresenceAsync("ws133", Ct));
        Assert.Equal(new PresenceCount(3, 3), await store.Presence.GetPresenceAsync("ws134", Ct));
    }

    [Fact]
    public async Task ParticipantsOnlineAreAddedUpOverEveryNodeAndANodeCanWithdraw()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));

        Assert.Equal(new PresenceCount(40, 40), await store.Presence.ReportPresenceAsync("ws133", "node-a", 40, Lease, Ct));
        Assert.Equal(new PresenceCount(65, 65), await store.Presence.ReportPresenceAsync("ws133", "node-b", 25, Lease, Ct));
        // Reports state a count; repeating one adds nothing.
        Assert.Equal(new PresenceCount(65, 65), await store.Presence.ReportPresenceAsync("ws133", "node-b", 25, Lease, Ct));
        Assert.Equal(new PresenceCount(25, 65), await store.Presence.ReportPresenceAsync("ws133", "node-a", 0, Lease, Ct));

        Assert.Equal(new PresenceCount(25, 65), await store.Presence.GetPresenceAsync("ws133", Ct));
    }

    [Fact]
    public async Task ANodeThatStopsReportingStopsCountingWhenItsLeaseRunsOut()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));
        Assert.Equal(new PresenceCount(30, 30), await store.Presence.ReportPresenceAsync("ws133", "node-a", 30, Lease, Ct));

        // node-b reports once with a short lease and then, as if it died, never again.
        Assert.Equal(new PresenceCount(50, 50), await store.Presence.ReportPresenceAsync("ws133", "node-b", 20, TimeSpan.FromMilliseconds(200), Ct));

        await Eventually.UntilAsync(async () => (await store.Presence.GetPresenceAsync("ws133", Ct)).Online == 30, TimeSpan.FromSeconds(10), "node-b's lease to run out");
        Assert.Equal(new PresenceCount(32, 50), await store.Presence.ReportPresenceAsync("ws133", "node-a", 32, Lease, Ct));
    }

    [Fact]
    public async Task AMissingSessionOrNodeInAPresenceCallIsAProgrammingErrorAndCountsNobody()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.Presence.ReportPresenceAsync(null!, "node-a", 1, Lease, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.Presence.ReportPresenceAsync("ws133", null!, 1, Lease, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.Presence.GetPresenceAsync(null!, Ct));

        Assert.Equal(PresenceCount.None, await store.Presence.GetPresenceAsync("ws133", Ct));
    }

    [Fact]
    public async Task PresenceInAnUnknownSessionIsNobodyAndIsNotStored()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));

        Assert.Equal(PresenceCount.None, await store.Presence.ReportPresenceAsync("ws999", "node-a", 12, Lease, Ct));

        Assert.Equal(PresenceCount.None, await store.Presence.GetPresenceAsync("ws999", Ct));
        Assert.Equal(PresenceCount.None, await store.Presence.GetPresenceAsync("ws133", Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.Presence.ReportPresenceAsync("ws133", "node-a", -1, Lease, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.Presence.ReportPresenceAsync("ws133", "", 1, Lease, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.Presence.ReportPresenceAsync("ws133", "node-a", 1, TimeSpan.Zero, Ct));
    }
}
