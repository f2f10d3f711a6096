using IgfLive.Core.Programme;

namespace IgfLive.Core.Tests.Programme;

public sealed class ProgrammeConflictsTests
{
    private static readonly TimeZoneInfo Riyadh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");

    private static ProgrammeEntry Entry(string id, string room, int startHour, int startMinute, int minutes, string? agenda = null, params ProgrammePerson[] people) =>
        new(1, id, $"Session {id}", new DateTimeOffset(2026, 12, 15, startHour, startMinute, 0, TimeSpan.FromHours(3)), TimeSpan.FromMinutes(minutes), room, null, people, agenda);

    private static ProgrammePerson Person(string name, ProgrammeRole role) => new(name, null, null, null, role);

    [Fact]
    public void TwoSessionsOverlappingInOneRoomAreARoomOverlapWithTheMinutes()
    {
        var conflicts = ProgrammeConflicts.Find([Entry("A", "Room XXIV", 10, 0, 90), Entry("B", "room  xxiv", 11, 0, 60), Entry("C", "Main Hall", 10, 0, 60)], Riyadh);

        var overlap = Assert.Single(conflicts);
        Assert.Equal(ConflictKind.RoomOverlap, overlap.Kind);
        Assert.Equal(["A", "B"], overlap.Sessions);
        Assert.Contains("30 minutes", overlap.Detail, StringComparison.Ordinal);
        Assert.Contains("10:00–11:30", overlap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void BackToBackSessionsInOneRoomDoNotConflict()
    {
        Assert.Empty(ProgrammeConflicts.Find([Entry("A", "Room XXIV", 10, 0, 60), Entry("B", "Room XXIV", 11, 0, 60)], Riyadh));
    }

    [Fact]
    public void ASpeakerWhoModeratesAnOverlappingSessionIsAPersonOverlapWhateverTheSpellingOfTheName()
    {
        var conflicts = ProgrammeConflicts.Find(
        [
            Entry("A", "Room XXIV", 10, 0, 90, null, Person("Dr. María  Pérez", ProgrammeRole.Speaker)),
            Entry("B", "Main Hall", 11, 0, 60, null, Person("maria perez", ProgrammeRole.OnsiteModerator)),
            Entry("C", "Main Hall", 13, 0, 60, null, Person("Maria Perez", ProgrammeRole.Rapporteur)),
        ], Riyadh);

        var overlap = Assert.Single(conflicts);
        Assert.Equal(ConflictKind.PersonOverlap, overlap.Kind);
        Assert.Equal(["A", "B"], overlap.Sessions);
        Assert.Contains("a speaker in \"Session A\"", overlap.Detail, StringComparison.Ordinal);
        Assert.Contains("onsite moderator in \"Session B\"", overlap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void OnePersonInTwoRolesOfOneSessionIsNoConflict()
    {
        var entry = Entry("A", "Room XXIV", 10, 0, 60, null, Person("Ana", ProgrammeRole.Speaker), Person("Ana", ProgrammeRole.Rapporteur));

        Assert.Empty(ProgrammeConflicts.Find([entry], Riyadh));
    }

    [Theory]
    [InlineData("1. Opening (5 min)\n2. Panel (60 min)\n3. Discussion (40 min)", 90, ConflictKind.AgendaOverflow, "15 minutes too many")]
    [InlineData("1. Opening (5 min)\n2. Panel (60 min)", 90, ConflictKind.AgendaShort, "25 minutes unplanned")]
    public void AnAgendaThatDoesNotFitItsSlotIsFlagged(string agenda, int slot, ConflictKind kind, string says)
    {
        var conflict = Assert.Single(ProgrammeConflicts.Find([Entry("A", "Room XXIV", 10, 0, slot, agenda)], Riyadh));

        Assert.Equal(kind, conflict.Kind);
        Assert.Contains(says, conflict.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1. Opening (5 min)\n2. Panel (85 min)")]
    [InlineData("A free-form description with no timings at all.")]
    [InlineData(null)]
    public void AnAgendaThatFillsItsSlotOrHasNoTimingsIsNotFlagged(string? agenda)
    {
        Assert.Empty(ProgrammeConflicts.Find([Entry("A", "Room XXIV", 10, 0, 90, agenda)], Riyadh));
    }
}
