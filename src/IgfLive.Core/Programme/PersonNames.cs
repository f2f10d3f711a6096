using System.Globalization;
using System.Text;

namespace IgfLive.Core.Programme;

/// <summary>
/// When two names in a programme are one person: compared ignoring case, accents, punctuation, runs of
/// spaces and the titles programmes put before names ("Dr.", "Prof.", "H.E."…), so "Dr. María  Pérez"
/// and "maria perez" are one person.
/// </summary>
public static class PersonNames
{
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "he", "hon", "amb", "ambassador", "eng", "ing",
    };

    /// <summary>The form two spellings of one name share; empty when nothing but titles is left.</summary>
    public static string Fold(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var plain = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            plain.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : c == '.' ? '\0' : ' ');
        }
        // "H.E." and "Dr." lose their dots as one word; a dot between letters ("J.R.R.") joins them.
        var words = plain.ToString().Replace("\0", string.Empty, StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(Titles.Contains);
        return string.Join(' ', words);
    }
}
