using IgfLive.Core.Clock;
using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;
using Microsoft.Extensions.Time.Testing;

namespace IgfLive.Core.Tests.Clock;

/// <summary>
/// The whole seed agenda, minute by minute: on-time opening, presentations with a 3-minute pause and
/// a 2-minute extension, a discussion that runs a minute over, a panel shortened by 4 minutes to catch
/// up, a Q&amp;A closed a minute early, and takeaways that end the session one minute late (16:31).
/// Every expected number below was worked out by hand from that story, not by the clock's formulas.
/// </summary>
public sealed class NinetyMinuteAgendaTests
{
    /// <param name="Minute">Minutes after 15:00 CET.</param>
    /// <param name="Action">Done at that minute before the view is checked; null just looks.</param>
    /// <param name="Remaining">Segment remaining, whole minutes (negative in overtime).</param>
    /// <param name="Threshold">N(ormal), W(arning), C(ritical), O(vertime).</param>
    /// <param name="Drift">Projected end minus 16:30, minutes.</param>
    /// <param name="TimeToEnd">Minutes until the earlier of 16:30 and the projected end.</param>
    private sealed record Row(int Minute, string? Action, int Segment, int Remaining, char Threshold, int Drift, int TimeToEnd);

    private static readonly Row[] Script =
    [
        new(0, "start", 0, 5, 'N', 0, 90),
        new(1, null, 0, 4, 'N', 0, 89),
        new(2, null, 0, 3, 'N', 0, 88),
        new(3, null, 0, 2, 'W', 0, 87),
        new(4, null, 0, 1, 'W', 0, 86),
        new(5, null, 0, 0, 'C', 0, 85),
        new(5, "next", 1, 40, 'N', 0, 85),
        new(6, null, 1, 39, 'N', 0, 84),
        new(7, null, 1, 38, 'N', 0, 83),
        new(8, null, 1, 37, 'N', 0, 82),
        new(9, null, 1, 36, 'N', 0, 81),
        new(10, null, 1, 35, 'N', 0, 80),
        new(11, null, 1, 34, 'N', 0, 79),
        new(12, null, 1, 33, 'N', 0, 78),
        new(13, null, 1, 32, 'N', 0, 77),
        new(14, null, 1, 31, 'N', 0, 76),
        new(15, null, 1, 30, 'N', 0, 75),
        new(16, null, 1, 29, 'N', 0, 74),
        new(17, null, 1, 28, 'N', 0, 73),
        new(18, null, 1, 27, 'N', 0, 72),
        new(19, null, 1, 26, 'N', 0, 71),
        new(20, null, 1, 25, 'N', 0, 70),
        new(21, null, 1, 24, 'N', 0, 69),
        new(22, null, 1, 23, 'N', 0, 68),
        new(23, null, 1, 22, 'N', 0, 67),
        new(24, null, 1, 21, 'N', 0, 66),
        new(25, null, 1, 20, 'N', 0, 65),
        new(25, "pause", 1, 20, 'N', 0, 65),
        new(26, null, 1, 20, 'N', 1, 64),
        new(27, null, 1, 20, 'N', 2, 63),
        new(28, null, 1, 20, 'N', 3, 62),
        new(28, "resume", 1, 20, 'N', 3, 62),
        new(29, null, 1, 19, 'N', 3, 61),
        new(30, null, 1, 18, 'N', 3, 60),
        new(31, null, 1, 17, 'N', 3, 59),
        new(32, null, 1, 16, 'N', 3, 58),
        new(33, null, 1, 15, 'N', 3, 57),
        new(34, null, 1, 14, 'N', 3, 56),
        new(35, null, 1, 13, 'N', 3, 55),
        new(36, null, 1, 12, 'N', 3, 54),
        new(37, null, 1, 11, 'N', 3, 53),
        new(38, null, 1, 10, 'N', 3, 52),
        new(39, null, 1, 9, 'N', 3, 51),
        new(40, null, 1, 8, 'N', 3, 50),
        new(40, "+2", 1, 10, 'N', 5, 50),
        new(41, null, 1, 9, 'N', 5, 49),
        new(42, null, 1, 8, 'N', 5, 48),
        new(43, null, 1, 7, 'N', 5, 47),
        new(44, null, 1, 6, 'N', 5, 46),
        new(45, null, 1, 5, 'N', 5, 45),
        new(46, null, 1, 4, 'N', 5, 44),
        new(47, null, 1, 3, 'N', 5, 43),
        new(48, null, 1, 2, 'W', 5, 42),
        new(49, null, 1, 1, 'W', 5, 41),
        new(50, null, 1, 0, 'C', 5, 40),
        new(50, "next", 2, 20, 'N', 5, 40),
        new(51, null, 2, 19, 'N', 5, 39),
        new(52, null, 2, 18, 'N', 5, 38),
        new(53, null, 2, 17, 'N', 5, 37),
        new(54, null, 2, 16, 'N', 5, 36),
        new(55, null, 2, 15, 'N', 5, 35),
        new(56, null, 2, 14, 'N', 5, 34),
        new(57, null, 2, 13, 'N', 5, 33),
        new(58, null, 2, 12, 'N', 5, 32),
        new(59, null, 2, 11, 'N', 5, 31),
        new(60, null, 2, 10, 'N', 5, 30),
        new(61, null, 2, 9, 'N', 5, 29),
        new(62, null, 2, 8, 'N', 5, 28),
        new(63, null, 2, 7, 'N', 5, 27),
        new(64, null, 2, 6, 'N', 5, 26),
        new(65, null, 2, 5, 'N', 5, 25),
        new(66, null, 2, 4, 'N', 5, 24),
        new(67, null, 2, 3, 'N', 5, 23),
        new(68, null, 2, 2, 'W', 5, 22),
        new(69, null, 2, 1, 'W', 5, 21),
        new(70, null, 2, 0, 'C', 5, 20),
        new(71, null, 2, -1, 'O', 6, 19),
        new(71, "next", 3, 15, 'N', 6, 19),
        new(72, null, 3, 14, 'N', 6, 18),
        new(72, "-4", 3, 10, 'N', 2, 18),
        new(73, null, 3, 9, 'N', 2, 17),
        new(74, null, 3, 8, 'N', 2, 16),
        new(75, null, 3, 7, 'N', 2, 15),
        new(76, null, 3, 6, 'N', 2, 14),
        new(77, null, 3, 5, 'N', 2, 13),
        new(78, null, 3, 4, 'N', 2, 12),
        new(79, null, 3, 3, 'N', 2, 11),
        new(80, null, 3, 2, 'W', 2, 10),
        new(81, null, 3, 1, 'W', 2, 9),
        new(82, null, 3, 0, 'C', 2, 8),
        new(82, "next", 4, 5, 'N', 2, 8),
        new(83, null, 4, 4, 'N', 2, 7),
        new(84, null, 4, 3, 'N', 2, 6),
        new(85, null, 4, 2, 'W', 2, 5),
        new(86, null, 4, 1, 'W', 2, 4),
        new(86, "next", 5, 5, 'N', 1, 4),
        new(87, null, 5, 4, 'N', 1, 3),
        new(88, null, 5, 3, 'N', 1, 2),
        new(89, null, 5, 2, 'W', 1, 1),
        new(90, null, 5, 1, 'W', 1, 0),
        new(91, null, 5, 0, 'C', 1, -1),
        new(91, "end", 5, 0, 'C', 1, 0),
    ];

    [Fact]
    public void TheClockViewFollowsTheAgendaMinuteByMinute()
    {
        var status = ClockStatus.NotStarted;
        Walk((row, session) =>
        {
            var view = session.Clock;
            var at = $"at 15:00 + {row.Minute} min after {row.Action ?? "nothing"}";
            Assert.True(row.Segment == view.Segment, $"{at}: segment {view.Segment}");
            Assert.True(TimeSpan.FromMinutes(row.Remaining) == view.SegmentRemaining, $"{at}: remaining {view.SegmentRemaining}");
            Assert.True(Threshold(row.Threshold) == view.Threshold, $"{at}: threshold {view.Threshold}");
            Assert.True(TimeSpan.FromMinutes(row.Drift) == view.Drift, $"{at}: drift {view.Drift}");
            Assert.True(TimeSpan.FromMinutes(row.TimeToEnd) == view.TimeToEnd, $"{at}: time to end {view.TimeToEnd}");
            Assert.Equal(Cet(16, 30), view.ScheduledEnd);
            status = row.Action switch
            {
                "pause" => ClockStatus.Paused,
                "end" => ClockStatus.Ended,
                "start" or "resume" => ClockStatus.Running,
                _ => status,
            };
            Assert.True(status == view.Status, $"{at}: status {view.Status}");
        });
    }

    [Fact]
    public void EachSegmentReportsItsPlannedAdjustedAndActualTimes()
    {
        var session = Walk((row, s) =>
        {
            if (row is { Minute: 40, Action: "+2" })
            {
                var midway = s.Clock.Segments;
                Assert.Equal(new SegmentReport(1, "Presentations", Minutes(40), Minutes(42), Cet(15, 5), null, Minutes(32)), midway[1]);
                Assert.Equal(new SegmentReport(2, "Discussion", Minutes(20), Minutes(20), null, null, TimeSpan.Zero), midway[2]);
            }
        });

        var view = session.Clock;
        Assert.Equal(
            [
                new SegmentReport(0, "Opening", Minutes(5), Minutes(5), Cet(15, 0), Cet(15, 5), Minutes(5)),
                new SegmentReport(1, "Presentations", Minutes(40), Minutes(42), Cet(15, 5), Cet(15, 50), Minutes(42)),
                new SegmentReport(2, "Discussion", Minutes(20), Minutes(20), Cet(15, 50), Cet(16, 11), Minutes(21)),
                new SegmentReport(3, "Panel interaction", Minutes(15), Minutes(11), Cet(16, 11), Cet(16, 22), Minutes(11)),
                new SegmentReport(4, "Audience Q&A", Minutes(5), Minutes(5), Cet(16, 22), Cet(16, 26), Minutes(4)),
                new SegmentReport(5, "Takeaways", Minutes(5), Minutes(5), Cet(16, 26), Cet(16, 31), Minutes(5)),
            ],
            view.Segments);
        Assert.Equal(Minutes(91), view.SessionElapsed);
        Assert.Equal(Cet(16, 31), view.ProjectedEnd);

        // The ended clock stays frozen however long the room is watched afterwards.
        session.AdvanceMinutes(30);
        Assert.Equal(Minutes(91), session.Clock.SessionElapsed);
        Assert.Equal(Minutes(1), session.Clock.Drift);
        Assert.Equal(TimeSpan.Zero, session.Clock.TimeToEnd);
    }

    [Fact]
    public void EveryThresholdCueFiresOnceAndTheTakeawaysCueWhenFiveMinutesAreLeft()
    {
        var fired = new List<(int Minute, CueKind Cue, int Segment)>();
        int? firstMinuteWithFiveLeft = null;
        Walk((row, session) =>
        {
            if (firstMinuteWithFiveLeft is null && session.Clock.TimeToEnd <= Minutes(5))
            {
                firstMinuteWithFiveLeft = row.Minute;
            }
            // The cue service asks until nothing more is due.
            while (session.Do(new RaiseDueCue()) is [CueRaised cue])
            {
                fired.Add((row.Minute, cue.Cue, cue.Segment));
            }
        });

        Assert.Equal(85, firstMinuteWithFiveLeft);
        Assert.Equal(
            [
                (3, CueKind.Warning, 0), (5, CueKind.Critical, 0),
                (48, CueKind.Warning, 1), (50, CueKind.Critical, 1),
                (68, CueKind.Warning, 2), (70, CueKind.Critical, 2), (71, CueKind.Overtime, 2),
                (80, CueKind.Warning, 3), (82, CueKind.Critical, 3),
                (85, CueKind.Takeaways, 4), (85, CueKind.Warning, 4),
                (89, CueKind.Warning, 5), (91, CueKind.Critical, 5),
            ],
            fired);
    }

    /// <summary>Plays the script on a seed session whose clock is a <see cref="FakeTimeProvider"/>.</summary>
    private static Session Walk(Action<Row, Session> check)
    {
        var session = new SessionBuilder().Open();
        FakeTimeProvider time = session.Time;
        var start = time.GetUtcNow();
        foreach (var row in Script)
        {
            while (time.GetUtcNow() < start + Minutes(row.Minute))
            {
                time.Advance(TimeSpan.FromMinutes(1));
            }
            if (row.Action is { } action)
            {
                session.Do(Command(action));
            }
            check(row, session);
        }
        return session;
    }

    private static SessionCommand Command(string action) => action switch
    {
        "start" => new StartClock(),
        "next" => new NextSegment(),
        "pause" => new PauseClock(),
        "resume" => new ResumeClock(),
        "+2" => new AdjustSegment(120),
        "-4" => new AdjustSegment(-240),
        "end" => new EndSession(),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static ThresholdState Threshold(char code) => code switch
    {
        'N' => ThresholdState.Normal,
        'W' => ThresholdState.Warning,
        'C' => ThresholdState.Critical,
        _ => ThresholdState.Overtime,
    };

    private static TimeSpan Minutes(int minutes) => TimeSpan.FromMinutes(minutes);

    private static DateTimeOffset Cet(int hour, int minute) => new(2017, 12, 19, hour, minute, 0, TimeSpan.FromHours(1));
}
