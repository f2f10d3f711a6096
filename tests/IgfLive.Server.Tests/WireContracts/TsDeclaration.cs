namespace IgfLive.Server.Tests.WireContracts;

/// <summary>A property of an exported TypeScript type, as src/IgfLive.Web/tools/contract-shapes.mjs writes it.</summary>
/// <param name="Literals">The string literals the property's type allows, when it is made of them (an event's <c>type</c>).</param>
internal sealed record TsProperty(string Type, bool Nullable, bool Optional, IReadOnlyList<string>? Literals)
{
    public FieldShape Shape => new(Type, Nullable, Optional);
}

/// <summary>An exported type of the browser's contracts: an interface (<c>object</c>), a union of string literals, or a union of interfaces.</summary>
internal sealed record TsDeclaration(
    string Kind,
    IReadOnlyDictionary<string, TsProperty>? Properties,
    IReadOnlyList<string>? Values,
    IReadOnlyList<IReadOnlyDictionary<string, TsProperty>>? Members);
