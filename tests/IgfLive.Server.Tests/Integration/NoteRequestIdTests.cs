using IgfLive.Server.Contracts;
using IgfLive.Server.Storage;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IgfLive.Server.Tests.Integration;

/// <summary>A rapporteur's note resent after a lost answer is kept once, and the resend is answered with the same note.</summary>
public sealed class NoteRequestIdTests : CastTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResendingANoteWithItsRequestIdAnswersTheSameNoteAndAddsNothing()
    {
        var note = new AddNoteRequest("KeyTakeaway", "Data sharing needs trust.", null, null, null, "01JD6Q7ZC4R7M5Y3K8W2");
        var first = await Cast.Rapporteur.SendAsync("AddNote", note);

        var again = await Cast.Rapporteur.SendAsync("AddNote", note);
        // The rapporteur's page reloaded in between: another connection, same answer.
        await using var reloaded = await SessionClient.ConnectAsync(Server.Address, "rapporteur after a reload");
        await reloaded.JoinAsync(Cast.Session.Id, Cast.Session.Keys["rapporteur"]);
        var fromReload = await reloaded.SendAsync("AddNote", note with { Text = "Data sharing needs trust!" });

        Assert.Equal("n1", first.Id);
        Assert.Equal((first.Version, first.Id), (again.Version, again.Id));
        Assert.Equal((first.Version, first.Id), (fromReload.Version, fromReload.Id));
        var log = await Server.Services.GetRequiredService<IEventLog>().ReadAsync(Cast.Session.Id, 0, Ct);
        Assert.Equal(first.Version, log.Count);
        var next = await Cast.Rapporteur.SendAsync("AddNote", note with { RequestId = "01JD6Q7ZC4R7M5Y3K8W3" });
        await Cast.Online.WaitForVersionAsync(next.Version);
        Assert.Equal(["n1", "n2"], Cast.Online.Events.Where(e => e.Type == "NoteAdded").Select(e => SessionClient.Data<NoteEventData>(e).Note.Id));
        Assert.Equal("Data sharing needs trust.", reloaded.Joined!.Snapshot.Notes.Single().Text);
    }
}
