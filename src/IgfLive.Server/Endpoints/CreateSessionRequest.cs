namespace IgfLive.Server.Endpoints;

/// <summary>
/// Body of POST /api/sessions. Give either <see cref="Agenda"/> or <see cref="AgendaText"/> (pasted
/// from the proposal). <see cref="StartsAt"/> may carry an offset; without one it is read as local
/// time in <see cref="TimeZone"/>.
/// </summary>
public sealed record CreateSessionRequest(
    string? Title,
    string? StartsAt,
    string? TimeZone,
    string? Room,
    bool? AllowAnonymousQuestions,
    ThresholdsRequest? Thresholds,
    IReadOnlyList<SpeakerRequest>? Speakers,
    IReadOnlyList<SegmentRequest>? Agenda,
    string? AgendaText);

public sealed record ThresholdsRequest(int? WarningSeconds, int? CriticalSeconds, int? TakeawaysSeconds);

/// <summary>A speaker; <see cref="Id"/> defaults to s1, s2, … in order.</summary>
public sealed record SpeakerRequest(string? Id, string? Name, string? Organisation, string? StakeholderGroup, string? Region);

/// <summary>A segment; <see cref="Kind"/> is inferred from the title when missing.</summary>
public sealed record SegmentRequest(string? Title, double? Minutes, string? Kind, IReadOnlyList<SlotRequest>? Slots);

/// <summary>A speaker's turn: <see cref="Speaker"/> is a speaker id or name.</summary>
public sealed record SlotRequest(string? Speaker, double? Minutes);
