using System.Text;

namespace IgfLive.Core.Reports;

/// <summary>
/// Writes people's text into Markdown as text: every character Markdown or HTML would read as
/// markup is escaped, so a question can never become a link, a heading or a script in a report.
/// </summary>
public static class Markdown
{
    private const string Special = "\\`*_{}[]()<>#+-.!|~&\"'";

    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r':
                    break;
                case '\n':
                    builder.Append("<br>");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                default:
                    if (Special.Contains(c, StringComparison.Ordinal))
                    {
                        builder.Append('\\');
                    }
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }
}
