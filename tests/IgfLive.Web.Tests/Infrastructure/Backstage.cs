using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using Microsoft.AspNetCore.SignalR.Client;

namespace IgfLive.Web.Tests.Infrastructure;

/// <summary>
/// A role's own SignalR connection, for setting a scene quickly (eight questions in the room's queue)
/// where clicking it together through the pages would only make a test slow. What a test checks is
/// still what the pages show.
/// </summary>
public sealed class Backstage : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private Backstage(HubConnection connection) => _connection = connection;

    /// <param name="role">A role link's name ("onlineModerator", …), or "participant" for a new participant.</param>
    public static async Task<Backstage> JoinAsync(BrowserSession live, string role)
    {
        ArgumentNullException.ThrowIfNull(live);
        var connection = new HubConnectionBuilder().WithUrl(new Uri(live.Server.Address, "/hubs/session")).Build();
        await connection.StartAsync();
        var key = role == "participant" ? live.Session.ParticipantCode : live.Session.Keys[role];
        var backstage = new Backstage(connection);
        await backstage.CallAsync<JoinResult>("Join", new JoinRequest(live.Session.Id, key, null));
        return backstage;
    }

    public Task<CommandResult> CallAsync(string method, params object?[] args) => CallAsync<CommandResult>(method, args);

    /// <summary>Calls a hub method that must succeed: its reply's value (a refusal fails the test, naming its code).</summary>
    public async Task<T> CallAsync<T>(string method, params object?[] args) where T : class
    {
        var reply = await _connection.InvokeCoreAsync<HubReply<T>>(method, args);
        Assert.True(reply.Error is null, $"{method} was refused: {reply.Error?.Code}: {reply.Error?.Message}");
        return reply.Value!;
    }

    /// <summary>Questions from new participants, approved and sent to the room; returns their ids.</summary>
    public static Task<IReadOnlyList<string>> ForwardQuestionsAsync(BrowserSession live, params string[] texts) => AskAsync(live, forward: true, texts);

    /// <summary>Questions from new participants, left for the online moderator to review; returns their ids.</summary>
    public static Task<IReadOnlyList<string>> SubmitAsync(BrowserSession live, params string[] texts) => AskAsync(live, forward: false, texts, approve: false);

    /// <summary>Questions from new participants, approved (and, with <paramref name="forward"/>, sent to the room); returns their ids.</summary>
    public static Task<IReadOnlyList<string>> AskAsync(BrowserSession live, bool forward, params string[] texts) => AskAsync(live, forward, texts, approve: true);

    private static async Task<IReadOnlyList<string>> AskAsync(BrowserSession live, bool forward, string[] texts, bool approve)
    {
        ArgumentNullException.ThrowIfNull(texts);
        await using var online = await JoinAsync(live, "onlineModerator");
        var ids = new List<string>();
        for (var i = 0; i < texts.Length; i++)
        {
            await using var asker = await JoinAsync(live, "participant");
            var asked = await asker.CallAsync("SubmitQuestion", new SubmitQuestionRequest(texts[i], $"Participant {i + 1}", "Digital Rights Lab", "Civil Society", null));
            if (approve)
            {
                await online.CallAsync("ApproveQuestion", asked.Id);
            }
            if (forward)
            {
                await online.CallAsync("ForwardQuestion", asked.Id);
            }
            ids.Add(asked.Id!);
        }
        return ids;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
