namespace IgfLive.Core.Questions;

/// <summary>
/// The reasons a moderator can reject a question for with one tap, by a stable code. The English
/// reason is what is recorded (and what the author, the report and the question log read); the code
/// travels with it so a view can say the same in the reader's language.
/// </summary>
public static class PresetRejectionReasons
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["covered"] = "Already covered in the room",
        ["no_time"] = "No time left for it",
        ["off_topic"] = "Off topic for this session",
        ["conduct"] = "Not in line with the session's code of conduct",
    };

    /// <summary>The reason recorded for <paramref name="code"/>, or null when it is not one of <see cref="All"/>.</summary>
    public static string? Find(string? code) => code is not null && All.TryGetValue(code, out var reason) ? reason : null;
}
