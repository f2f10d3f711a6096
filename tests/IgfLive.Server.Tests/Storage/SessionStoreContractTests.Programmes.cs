using IgfLive.Core.Programme;
using IgfLive.Core.Sessions;
using IgfLive.Server.Storage;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Storage;

/// <summary>What every store promises about events and their programmes (<see cref="IProgrammeStore"/>).</summary>
public abstract partial class SessionStoreContractTests
{
    private static readonly DateTimeOffset Opening = new(2026, 12, 15, 10, 0, 0, TimeSpan.FromHours(3));

    [Fact]
    public async Task ACreatedEventIsFoundWithItsEmptyProgramme()
    {
        var store = await CreateStoreAsync();
        var record = Event("igf26");
        var rooms = new EventProgramme(0, [new EventRoom("main-hall", "Main Hall")], []);

        Assert.True(await store.Programmes.CreateAsync(record, rooms, Ct));

        var found = await store.Programmes.FindAsync("igf26", Ct);
        Assert.NotNull(found);
        Assert.Equal(record, found.Record);
        Assert.Equal(0, found.Programme.Version);
        Assert.Equal([new EventRoom("main-hall", "Main Hall")], found.Programme.Rooms);
        Assert.Empty(found.Programme.Slots);
        Assert.Null(await store.Programmes.FindAsync("igf27", Ct));
    }

    [Fact]
    public async Task CreatingAnEventWithATakenIdWritesNothing()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.Programmes.CreateAsync(Event("igf26"), new EventProgramme(0, [], []), Ct));

        Assert.False(await store.Programmes.CreateAsync(Event("igf26") with { Title = "An impostor" }, new EventProgramme(0, [new EventRoom("x", "X")], []), Ct));

        var found = await store.Programmes.FindAsync("igf26", Ct);
        Assert.Equal("IGF 2026", found!.Record.Title);
        Assert.Empty(found.Programme.Rooms);
        Assert.Single(await store.Programmes.ListAsync(Ct));
    }

    [Fact]
    public async Task AProgrammeSavedAtTheNextVersionReadsBackWholeAndAStaleSaveIsRefused()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.Programmes.CreateAsync(Event("igf26"), new EventProgramme(0, [], []), Ct));
        var first = Programme(1, "First title");

        Assert.True(await store.Programmes.SaveAsync("igf26", first, Ct));
        // Another import read version 0 too, and saves after the first one: it must not win.
        Assert.False(await store.Programmes.SaveAsync("igf26", Programme(1, "A stale import"), Ct));
        Assert.False(await store.Programmes.SaveAsync("igf26", Programme(3, "A version from nowhere"), Ct));
        Assert.False(await store.Programmes.SaveAsync("no-such-event", Programme(1, "No event"), Ct));

        var found = (await store.Programmes.FindAsync("igf26", Ct))!.Programme;
        Assert.Equal(1, found.Version);
        var slot = Assert.Single(found.Slots);
        Assert.Equal(first.Slots[0].Entry with { People = [] }, slot.Entry with { People = [] });
        Assert.Equal(first.Slots[0].Entry.People, slot.Entry.People);
        Assert.Equal(first.Slots[0].SealedKeys, slot.SealedKeys);
        Assert.Equal("s1", slot.SessionId);
        Assert.Equal(Opening, slot.Entry.StartsAt);
        Assert.Equal(Opening.Offset, slot.Entry.StartsAt.Offset);

        Assert.True(await store.Programmes.SaveAsync("igf26", Programme(2, "Second title"), Ct));
        Assert.Equal("Second title", (await store.Programmes.FindAsync("igf26", Ct))!.Programme.Slots[0].Entry.Title);
    }

    [Fact]
    public async Task EventsAreListedByCreation()
    {
        var store = await CreateStoreAsync();
        Assert.Empty(await store.Programmes.ListAsync(Ct));
        Assert.True(await store.Programmes.CreateAsync(Event("late") with { CreatedAt = Opening.AddDays(1) }, new EventProgramme(0, [], []), Ct));
        Assert.True(await store.Programmes.CreateAsync(Event("early"), new EventProgramme(0, [], []), Ct));

        Assert.Equal(["early", "late"], (await store.Programmes.ListAsync(Ct)).Select(r => r.Id));
    }

    [Fact]
    public async Task ASessionKeepsTheEventItBelongsTo()
    {
        var store = await CreateStoreAsync();
        var inEvent = TestEvents.Record("ws101", "WS101X") with { EventId = "igf26" };
        var alone = TestEvents.Record("ws133", "WS133X");

        Assert.True(await store.Catalog.CreateAsync(inEvent, TestEvents.Created(), Ct));
        Assert.True(await store.Catalog.CreateAsync(alone, TestEvents.Created(), Ct));

        Assert.Equal("igf26", (await store.Catalog.FindAsync("ws101", Ct))!.EventId);
        Assert.Null((await store.Catalog.FindAsync("ws133", Ct))!.EventId);
        Assert.Equal("igf26", (await store.Catalog.ListAsync(Ct)).Single(s => s.Id == "ws101").EventId);
    }

    private static EventRecord Event(string id) => new(id, "IGF 2026", "Asia/Riyadh", new string('a', 64), Opening.AddDays(-30));

    private static EventProgramme Programme(long version, string title) => new(
        version,
        [new EventRoom("room-xxiv", "Room XXIV")],
        [
            new ProgrammeSlot(
                "s1",
                "room-xxiv",
                new ProgrammeEntry(
                    2,
                    "IGF2026-WS-101",
                    title,
                    Opening,
                    TimeSpan.FromMinutes(90),
                    "Room XXIV",
                    "Workshop",
                    [
                        new ProgrammePerson("Ana Pérez", "Fundación Datos", "Civil society", "LAC", ProgrammeRole.Speaker),
                        new ProgrammePerson("Kwame Mensah", null, null, null, ProgrammeRole.OnsiteModerator),
                    ],
                    "1. Opening (5 min)\n2. Discussion (80 min)\n3. Closing (5 min)"),
                new Dictionary<SessionRole, string> { [SessionRole.OnlineModerator] = "sealed-online", [SessionRole.Stage] = "sealed-stage" }),
        ]);
}
