using System.Text.Json;
using System.Text.Json.Serialization;
using IgfLive.Server.Contracts;

namespace IgfLive.Server.Endpoints;

/// <summary>
/// The JSON settings of the HTTP API and the hub: camelCase, enums as names, and the contracts' metadata
/// from <see cref="WireJsonContext"/> only.
/// </summary>
public static class HttpJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.Converters.Add(new JsonStringEnumConverter());
        // No reflection behind it: a type the context lacks fails loudly instead of being written
        // in whatever shape reflection gives it.
        options.TypeInfoResolverChain.Clear();
        options.TypeInfoResolverChain.Add(WireJsonContext.Default);
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly();
        return options;
    }
}
