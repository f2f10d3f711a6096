using IgfLive.Server.Contracts;
using IgfLive.Server.Storage;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IgfLive.Server.Tests.Integration;

/// <summary>A rapporteur's note resent after a lost answer is kept once, and the resend is answered with the same note.</summary>
public sealed class NoteRequestIdTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private Roles _cast = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _cast = await Roles.JoinAsync(_server, await Seed.CreateAsync(_server));
    }

    public async ValueTask DisposeAsync()
    {
        await _cast.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ResendingANoteWithItsRequestIdAnswersTheSameNoteAndAddsNothing()
    {
        var note = new AddNoteRequest("KeyTakeaway", "Data sharing needs trust.", null, null, null, "01JD6Q7ZC4R7M5Y3K8W2");
        var first = await _cast.Rapporteur.SendAsync("AddNote", note);

        var again = await _cast.Rapporteur.SendAsync("AddNote", note);
        // The rapporteur's page reloaded in between: another connection, same answer.
        await using var reloaded = await SessionClient.ConnectAsync(_server.Address, "rapporteur after a reload");
        await reloaded.JoinAsync(_cast.Session.Id, _cast.Session.Keys["rapporteur"]);
        var fromReload = await reloaded.SendAsync("AddNote", note with { Text = "Data sharing needs trust!" });

        Assert.Equal("n1", first.Id);
        Assert.Equal((first.Version, first.Id), (again.Version, again.Id));
        Assert.Equal((first.Version, first.Id), (fromReload.Version, fromReload.Id));
        var log = await _server.Services.GetRequiredService<ISessionStore>().ReadAsync(_cast.Session.Id, 0, Ct);
        Assert.Equal(first.Version, log.Count);
        var next = await _cast.Rapporteur.SendAsync("AddNote", note with { RequestId = "01JD6Q7ZC4R7M5Y3K8W3" });
        await _cast.Online.WaitForVersionAsync(next.Version);
        Assert.Equal(["n1", "n2"], _cast.Online.Events.Where(e => e.Type == "NoteAdded").Select(e => SessionClient.Data<NoteEventData>(e).Note.Id));
        Assert.Equal("Data sharing needs trust.", reloaded.Joined!.Snapshot.Notes.Single().Text);
    }
}
