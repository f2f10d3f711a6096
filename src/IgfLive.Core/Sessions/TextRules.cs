namespace IgfLive.Core.Sessions;

/// <summary>Size limits and clean-up for every piece of text people type into a session.</summary>
public static class TextRules
{
    public const int TitleMax = 200;
    public const int QuestionMax = 500;
    public const int NameMax = 100;
    public const int OrganisationMax = 150;
    public const int StakeholderGroupMax = 60;
    public const int ReasonMax = 300;
    public const int NoteMax = 2000;
    public const int StageMessageMax = 140;
    public const int RoomMax = 100;

    /// <summary>The longest id a client may give a request: a GUID or a ULID fits with room to spare.</summary>
    public const int RequestIdMax = 64;

    /// <summary>
    /// Trims the text and checks its length. Control characters other than line breaks and tabs are
    /// refused rather than stripped, so what a moderator sees is exactly what was sent.
    /// </summary>
    public static Rejection? Check(string? text, int max, string field, out string cleaned)
    {
        cleaned = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (cleaned.Length == 0)
        {
            return new Rejection(RejectionCode.InvalidInput, $"The {field} is empty.");
        }
        if (cleaned.Length > max)
        {
            return new Rejection(RejectionCode.InvalidInput, $"The {field} is {cleaned.Length} characters long; the limit is {max}.");
        }
        if (cleaned.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            return new Rejection(RejectionCode.InvalidInput, $"The {field} contains control characters.");
        }
        return null;
    }

    /// <summary>Like <see cref="Check"/> for optional text: null or blank is fine and comes back as null.</summary>
    public static Rejection? CheckOptional(string? text, int max, string field, out string? cleaned)
    {
        cleaned = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var rejection = Check(text, max, field, out var value);
        cleaned = value;
        return rejection;
    }
}
