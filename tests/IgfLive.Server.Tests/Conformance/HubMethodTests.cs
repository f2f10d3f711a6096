using System.Reflection;
using System.Text.Json.Serialization;
using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Hubs;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace IgfLive.Server.Tests.Conformance;

/// <summary>
/// protocol.md, "Commands": for every method of the table and every role, the method works for the
/// roles the table names — recording only events the row names — and is refused with
/// <c>wrong_role</c>, recording nothing, for the others.
/// </summary>
public sealed class HubMethodTests(ConformanceServer conformance) : IClassFixture<ConformanceServer>
{
    /// <summary>The role words of the table's "roles" column.</summary>
    private static readonly Dictionary<string, string> Roles = new(StringComparer.Ordinal)
    {
        ["online"] = nameof(SessionRole.OnlineModerator),
        ["onsite"] = nameof(SessionRole.OnsiteModerator),
        ["rapporteur"] = nameof(SessionRole.Rapporteur),
        ["stage"] = nameof(SessionRole.Stage),
        ["participant"] = nameof(SessionRole.Participant),
    };

    private static IReadOnlyList<string[]> Table => ProtocolDocument.Current.Table("Commands", "method");

    public static TheoryData<string, string, bool> EveryMethodAndRole()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var row in Table)
        {
            var allowed = row[2].Split([',', ' ', '(', ')'], StringSplitOptions.RemoveEmptyEntries).Where(Roles.ContainsKey).Select(w => Roles[w]).ToHashSet();
            Assert.True(allowed.Count > 0, $"protocol.md's row for {row[0]} names no role.");
            foreach (var method in ProtocolDocument.Names(row[0]))
            {
                foreach (var role in Roles.Values)
                {
                    data.Add(method, role, allowed.Contains(role));
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMethodAndRole))]
    public async Task EachMethodWorksForTheRolesTheDocumentNamesAndIsWrongRoleForTheOthers(string method, string role, bool allowed)
    {
        await using var cast = await conformance.NewCastAsync();
        var caller = cast.All.Single(c => c.Joined!.Role == role && c != cast.Bob);
        var args = await MethodScenarios.PrepareAsync(method, cast, caller);
        var before = await VersionAsync(cast);

        if (!allowed)
        {
            Assert.Equal(HubErrors.WrongRole, await caller.RefusedAsync(method, args));
            Assert.Equal(before, await VersionAsync(cast));
            return;
        }
        if (method == nameof(SessionHub.GetQueueAdvice))
        {
            var advice = (await caller.Connection.InvokeAsync<HubReply<QueueAdviceDto>>(method, TestContext.Current.CancellationToken)).Value!;
            Assert.Single(advice.SuggestedOrder);
            Assert.Equal(before, await VersionAsync(cast));
            return;
        }
        var result = await caller.SendAsync(method, args);
        Assert.True(result.Version > before, $"{method} as {role} recorded nothing.");
        await cast.Online.WaitForVersionAsync(result.Version);
        var recorded = cast.Online.Events.Where(e => e.Seq > before).Select(e => e.Type).ToList();
        var (named, required) = EventsOf(method);
        Assert.All(recorded, type => Assert.True(named.Contains(type), $"{method} recorded {type}, which its row does not name ({string.Join(", ", named)})."));
        if (required is not null)
        {
            Assert.Contains(required, recorded);
        }
    }

    [Fact]
    public void TheDocumentNamesEveryHubMethodAndEveryEventItNamesExists()
    {
        string[] elsewhere = [nameof(SessionHub.Join), nameof(SessionHub.ServerTime), nameof(SessionHub.Resync)];
        var documented = Table.SelectMany(row => ProtocolDocument.Names(row[0])).Concat(elsewhere).Order(StringComparer.Ordinal);
        var hub = typeof(SessionHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name != nameof(SessionHub.OnDisconnectedAsync)).Select(m => m.Name).Order(StringComparer.Ordinal);
        Assert.Equal(hub, documented);
        Assert.All(elsewhere, name => Assert.Contains($"`{name}(", ProtocolDocument.Current.Text, StringComparison.Ordinal));
        Assert.Equal(MethodScenarios.Methods.Order(StringComparer.Ordinal), documented.Except(elsewhere));
        // Every PascalCase name of the events column that is not a method or a role is an event the server has.
        var events = EventTypes();
        var names = Table.SelectMany(row => ProtocolDocument.Names(row[3])).Where(n => !documented.Contains(n) && !Roles.ContainsValue(n)).Distinct();
        Assert.All(names, n => Assert.True(events.Contains(n), $"protocol.md's command table names {n}, which is no event."));
    }

    [Fact]
    public async Task AParticipantWithdrawsTheirOwnQuestionOnly()
    {
        await using var cast = await conformance.NewCastAsync();
        var asked = await cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Mine to take back?", "Alice", null, null, null));

        Assert.Equal(HubErrors.Forbidden, await cast.Bob.RefusedAsync("WithdrawQuestion", asked.Id));
        Assert.Equal(asked.Version, await VersionAsync(cast));
    }

    /// <summary>
    /// The events a method's row names, and the one it must record: in a row of paired methods
    /// ("`PauseClock` / `ResumeClock`" with "`ClockPaused` / `ClockResumed`") each method's own.
    /// </summary>
    private static (HashSet<string> Named, string? Required) EventsOf(string method)
    {
        var row = Table.Single(r => ProtocolDocument.Names(r[0]).Contains(method));
        var events = EventTypes();
        var named = ProtocolDocument.Names(row[3]).Where(events.Contains).ToHashSet();
        var methods = ProtocolDocument.Names(row[0]);
        var pairs = row[3].Split(';', ',', '(')[0].Split('/').Select(part => ProtocolDocument.Names(part)).ToList();
        var required = methods.Count > 1 && pairs.Count == methods.Count && pairs.All(p => p.Count == 1)
            ? pairs[methods.ToList().IndexOf(method)][0]
            : null;
        return (named, required);
    }

    private static HashSet<string> EventTypes() =>
        [.. typeof(SessionEvent).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => (string)a.TypeDiscriminator!)];

    private static async Task<long> VersionAsync(Roles cast) => (await cast.Online.ResyncAsync(0)).Events[^1].Seq;
}
