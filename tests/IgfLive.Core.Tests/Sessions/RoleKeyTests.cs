using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Sessions;

public sealed class RoleKeyTests
{
    private static readonly string First = new('a', 64);
    private static readonly string Second = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData(SessionRole.OnlineModerator)]
    [InlineData(SessionRole.OnsiteModerator)]
    [InlineData(SessionRole.Rapporteur)]
    [InlineData(SessionRole.Stage)]
    public void AKeyedRolesKeyIsReplacedByTheNewHash(SessionRole role)
    {
        var session = new SessionBuilder().Open();

        Assert.Equal([new RoleKeyRotated(role, First)], session.Do(new RotateRoleKey(role, First)));

        Assert.Equal(First, Assert.Single(session.State.RotatedKeyHashes, kv => kv.Key == role).Value);
    }

    [Fact]
    public void TheLatestReplacementIsTheKeyAndOtherRolesKeepTheirs()
    {
        var session = new SessionBuilder().Open();
        session.Do(new RotateRoleKey(SessionRole.OnsiteModerator, First));
        session.Do(new RotateRoleKey(SessionRole.OnsiteModerator, Second));

        Assert.Equal([KeyValuePair.Create(SessionRole.OnsiteModerator, Second)], session.State.RotatedKeyHashes);
    }

    [Fact]
    public void AKeyCanBeReplacedWhileTheSessionRunsAndAfterItEnds()
    {
        var session = new SessionBuilder().Open();
        session.Do(new StartClock());
        session.Do(new RotateRoleKey(SessionRole.Rapporteur, First));
        session.Do(new EndSession());
        session.Do(new RotateRoleKey(SessionRole.Rapporteur, Second));

        Assert.Equal(Second, session.State.RotatedKeyHashes[SessionRole.Rapporteur]);
    }

    [Fact]
    public void TheParticipantsPublicCodeIsNoKeyToReplace()
    {
        var rejection = new SessionBuilder().Open().Refuse(new RotateRoleKey(SessionRole.Participant, First), RejectionCode.InvalidInput);
        Assert.Contains("participant code", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownRoleIsInvalidInput() =>
        new SessionBuilder().Open().Refuse(new RotateRoleKey((SessionRole)42, First), RejectionCode.InvalidInput);

    [Theory]
    [InlineData("")]
    [InlineData("not a hash")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg")]
    public void AnythingButASha256InLowercaseHexIsInvalidInput(string hash) =>
        new SessionBuilder().Open().Refuse(new RotateRoleKey(SessionRole.OnsiteModerator, hash), RejectionCode.InvalidInput);

    [Fact]
    public void ANullHashIsInvalidInput() =>
        new SessionBuilder().Open().Refuse(new RotateRoleKey(SessionRole.OnsiteModerator, null!), RejectionCode.InvalidInput);
}
