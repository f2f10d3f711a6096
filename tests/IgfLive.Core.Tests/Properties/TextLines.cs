namespace IgfLive.Core.Tests.Properties;

/// <summary>
/// Lines of text that compare by content, so a projection can hold many rendered items without
/// joining them into one large string at every step.
/// </summary>
public sealed class TextLines(IReadOnlyList<string> lines) : IEquatable<TextLines>
{
    public IReadOnlyList<string> Lines { get; } = lines;

    public bool Equals(TextLines? other) =>
        other is not null && Lines.Count == other.Lines.Count && Lines.SequenceEqual(other.Lines, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as TextLines);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var line in Lines)
        {
            hash.Add(line, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => string.Join('\n', Lines);
}
