using System.Globalization;
using System.Text.RegularExpressions;

namespace IgfLive.Web.Tests.Infrastructure;

/// <summary>A CSS colour as the browser computes it ("rgb(224, 0, 0)"), with WCAG's relative luminance and contrast.</summary>
public readonly partial record struct Rgb(int R, int G, int B)
{
    public static Rgb White { get; } = new(255, 255, 255);

    public static Rgb Parse(string css)
    {
        ArgumentNullException.ThrowIfNull(css);
        if (css.StartsWith('#') && css.Length == 7)
        {
            int Hex(int at) => int.Parse(css.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return new Rgb(Hex(1), Hex(3), Hex(5));
        }
        var match = RgbPattern().Match(css);
        if (!match.Success)
        {
            throw new FormatException($"\"{css}\" is not an rgb() or rgba() colour.");
        }
        int Part(int i) => (int)Math.Round(double.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture));
        return new Rgb(Part(1), Part(2), Part(3));
    }

    /// <summary>WCAG 2 relative luminance, 0 (black) to 1 (white).</summary>
    public double Luminance => (0.2126 * Linear(R)) + (0.7152 * Linear(G)) + (0.0722 * Linear(B));

    public double ContrastWith(Rgb other)
    {
        var (light, dark) = Luminance >= other.Luminance ? (Luminance, other.Luminance) : (other.Luminance, Luminance);
        return (light + 0.05) / (dark + 0.05);
    }

    public override string ToString() => $"rgb({R}, {G}, {B})";

    private static double Linear(int channel)
    {
        var c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    [GeneratedRegex(@"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)")]
    private static partial Regex RgbPattern();
}
