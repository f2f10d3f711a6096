namespace IgfLive.Server.Tests.WireContracts;

/// <summary>
/// One field as the wire carries it, in the plain words both sides are read into: <c>string</c>,
/// <c>number</c>, <c>boolean</c>, <c>unknown</c>, <c>null</c>, a record's name, <c>T[]</c> (<c>T?[]</c>
/// when items may be null) or <c>map&lt;T&gt;</c>.
/// </summary>
/// <param name="Nullable">The field may be null.</param>
/// <param name="Optional">The field may be left out (a C# parameter with a default value; <c>?</c> in TypeScript).</param>
internal sealed record FieldShape(string Type, bool Nullable, bool Optional)
{
    public override string ToString() => $"{Type}{(Nullable ? " | null" : string.Empty)}{(Optional ? " (optional)" : string.Empty)}";
}
