using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace IgfLive.Load;

/// <summary>
/// A few read-only Redis commands over RESP, for the cluster scenario: how many PUBLISH calls the
/// nodes made (INFO commandstats) and which nodes subscribe to a session's channels
/// (PUBSUB CHANNELS / NUMSUB; every node subscribes on one connection, so a count is a count of nodes).
/// </summary>
internal sealed class RedisProbe : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;

    private RedisProbe(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new StreamReader(_stream, Encoding.UTF8);
    }

    public static async Task<RedisProbe> ConnectAsync(string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        var host = endpoint[..colon];
        if (host != "127.0.0.1")
        {
            throw new ArgumentException("Redis must be on 127.0.0.1.");
        }
        var tcp = new TcpClient();
        await tcp.ConnectAsync(host, int.Parse(endpoint[(colon + 1)..], CultureInfo.InvariantCulture));
        return new RedisProbe(tcp);
    }

    /// <summary>PUBLISH and SPUBLISH calls so far.</summary>
    public async Task<long> PublishCallsAsync()
    {
        var info = (string)(await CommandAsync("INFO", "commandstats"))!;
        long calls = 0;
        foreach (var line in info.Split('\n'))
        {
            if (line.StartsWith("cmdstat_publish:", StringComparison.Ordinal) || line.StartsWith("cmdstat_spublish:", StringComparison.Ordinal))
            {
                var value = line.Split(':')[1].Split(',')[0].Split('=')[1];
                calls += long.Parse(value, CultureInfo.InvariantCulture);
            }
        }
        return calls;
    }

    /// <summary>Subscriber count of every channel whose name contains <paramref name="text"/>.</summary>
    public async Task<Dictionary<string, long>> SubscribersAsync(string text)
    {
        var channels = ((object?[])(await CommandAsync("PUBSUB", "CHANNELS", $"*{text}*"))!).Cast<string>().ToArray();
        var result = new Dictionary<string, long>();
        if (channels.Length == 0)
        {
            return result;
        }
        var counts = (object?[])(await CommandAsync(["PUBSUB", "NUMSUB", .. channels]))!;
        for (var i = 0; i + 1 < counts.Length; i += 2)
        {
            result[(string)counts[i]!] = (long)counts[i + 1]!;
        }
        return result;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
        _tcp.Dispose();
    }

    private async Task<object?> CommandAsync(params string[] parts)
    {
        var request = new StringBuilder();
        request.Append(CultureInfo.InvariantCulture, $"*{parts.Length}\r\n");
        foreach (var part in parts)
        {
            request.Append(CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
        }
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()));
        return await ReadAsync();
    }

    private async Task<object?> ReadAsync()
    {
        var line = await _reader.ReadLineAsync() ?? throw new IOException("Redis closed the connection.");
        var rest = line[1..];
        switch (line[0])
        {
            case '+':
                return rest;
            case '-':
                throw new InvalidOperationException($"Redis: {rest}");
            case ':':
                return long.Parse(rest, CultureInfo.InvariantCulture);
            case '$':
                var length = int.Parse(rest, CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return null;
                }
                var buffer = new char[length];
                var read = 0;
                // INFO is ASCII, so characters and bytes agree.
                while (read < length)
                {
                    read += await _reader.ReadAsync(buffer.AsMemory(read, length - read));
                }
                await _reader.ReadLineAsync();
                return new string(buffer);
            case '*':
                var count = int.Parse(rest, CultureInfo.InvariantCulture);
                var items = new object?[Math.Max(count, 0)];
                for (var i = 0; i < count; i++)
                {
                    items[i] = await ReadAsync();
                }
                return items;
            default:
                throw new InvalidOperationException($"Unexpected Redis reply: {line}");
        }
    }
}
