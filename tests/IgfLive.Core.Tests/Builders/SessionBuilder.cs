using IgfLive.Core.Agenda;
using IgfLive.Core.Clock;
using IgfLive.Core.Sessions;

namespace IgfLive.Core.Tests.Builders;

/// <summary>
/// Builds the seed session: the 90-minute IGF 2017 workshop agenda, starting 19 December 2017 at
/// 15:00 in Geneva (CET, +01:00), with four speakers. Tests change only what they are about.
/// </summary>
public sealed class SessionBuilder
{
    public static readonly DateTimeOffset SeedStart = new(2017, 12, 19, 15, 0, 0, TimeSpan.FromHours(1));

    public static readonly IReadOnlyList<Speaker> SeedSpeakers =
    [
        new("ana", "Ana Kovač", "Ministry of Digital Affairs", "Government", "Eastern Europe"),
        new("kwame", "Kwame Mensah", "Africa Internet Alliance", "Civil Society", "Africa"),
        new("li", "Li Wei", "Pacific Cloud", "Private Sector", "Asia-Pacific"),
        new("sofia", "Sofía Ramírez", "Universidad de Buenos Aires", "Academia", "Latin America"),
    ];

    private readonly List<Segment> _segments =
    [
        new("Opening", TimeSpan.FromMinutes(5), SegmentKind.Opening, []),
        new("Presentations", TimeSpan.FromMinutes(40), SegmentKind.Presentations, []),
        new("Discussion", TimeSpan.FromMinutes(20), SegmentKind.Discussion, []),
        new("Panel interaction", TimeSpan.FromMinutes(15), SegmentKind.Discussion, []),
        new("Audience Q&A", TimeSpan.FromMinutes(5), SegmentKind.QuestionsAndAnswers, []),
        new("Takeaways", TimeSpan.FromMinutes(5), SegmentKind.Takeaways, []),
    ];

    private bool _allowAnonymous = true;
    private ClockThresholds _thresholds = ClockThresholds.Default;

    /// <summary>Index of each seed segment, so tests read as the agenda does.</summary>
    public const int Opening = 0, Presentations = 1, Discussion = 2, PanelInteraction = 3, AudienceQa = 4, Takeaways = 5;

    public SessionBuilder AllowingAnonymousQuestions(bool allow)
    {
        _allowAnonymous = allow;
        return this;
    }

    public SessionBuilder WithThresholds(ClockThresholds thresholds)
    {
        _thresholds = thresholds;
        return this;
    }

    /// <summary>Gives a segment per-speaker slots of the given minutes each.</summary>
    public SessionBuilder WithSlots(int segment, params (string SpeakerId, int Minutes)[] slots)
    {
        _segments[segment] = _segments[segment] with
        {
            Slots = [.. slots.Select(s => new SpeakerSlot(s.SpeakerId, TimeSpan.FromMinutes(s.Minutes)))],
        };
        return this;
    }

    /// <summary>The seed presentations: each of the four speakers gets ten minutes.</summary>
    public SessionBuilder WithPresentationSlots() =>
        WithSlots(Presentations, ("ana", 10), ("kwame", 10), ("li", 10), ("sofia", 10));

    public SessionDefinition Build() => new(
        "Digital inclusion: connecting the next billion",
        SeedStart,
        "Europe/Zurich",
        "Room XXIV",
        _allowAnonymous,
        _thresholds,
        SeedSpeakers,
        [.. _segments]);

    /// <summary>A session created from this definition, with its clock at the scheduled start.</summary>
    public Session Open() => new(Build());
}
