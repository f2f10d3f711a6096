using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IgfLive.Server.Endpoints;

/// <summary>Reads a request body up to a limit, so an oversized paste is refused before it is buffered whole.</summary>
public static class BodyReader
{
    /// <returns>The text, or null when the body is larger than <paramref name="maxBytes"/>.</returns>
    public static async Task<string?> ReadTextAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        var buffer = new byte[maxBytes + 1];
        var total = 0;
        int read;
        while (total <= maxBytes && (read = await request.Body.ReadAsync(buffer.AsMemory(total, buffer.Length - total), cancellationToken)) > 0)
        {
            total += read;
        }
        return total > maxBytes ? null : Encoding.UTF8.GetString(buffer, 0, total);
    }

    /// <summary>
    /// Reads a JSON body of <typeparamref name="T"/> up to a limit; the refusal, when there is one, is
    /// the problem to answer with: too_large, or invalid_json saying what was expected.
    /// </summary>
    /// <param name="what">What the body describes, for the messages ("an event").</param>
    /// <param name="expected">The fields to send, for the message about an empty body.</param>
    public static async Task<(T? Body, IResult? Refusal)> ReadJsonAsync<T>(
        HttpRequest request, int maxBytes, string what, string expected, CancellationToken cancellationToken)
        where T : class
    {
        var json = await ReadTextAsync(request, maxBytes, cancellationToken);
        if (json is null)
        {
            return (null, Problems.Of(StatusCodes.Status413PayloadTooLarge, "too_large",
                string.Create(CultureInfo.InvariantCulture, $"The request is larger than {maxBytes / 1024} KiB.")));
        }
        T? body;
        try
        {
            body = JsonSerializer.Deserialize<T>(json, HttpJson.Options);
        }
        catch (JsonException ex)
        {
            return (null, Problems.Of(StatusCodes.Status400BadRequest, "invalid_json", $"The body is not valid JSON for {what}: {ex.Message}"));
        }
        return body is null
            ? (null, Problems.Of(StatusCodes.Status400BadRequest, "invalid_json", $"The body is empty; send a JSON object with {expected}."))
            : (body, null);
    }
}
