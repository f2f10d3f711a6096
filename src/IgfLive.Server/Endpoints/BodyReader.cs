using System.Text;

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
}
