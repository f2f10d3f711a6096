using System.Net.Sockets;

namespace IgfLive.Load;

/// <summary>Connections for clients that will stall: a small socket receive buffer and segment size, so the server's writes back up.</summary>
internal static class StallingSockets
{
    private const int IpProtoTcp = 6;
    private const int TcpMaxSeg = 2;

        public static HttpMessageInvoker Invoker()
    {
        return new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = 4096 };
                try
                {
                    // Loopback's 64 KiB segments would let the server's kernel buffer megabytes for this
                    // client; an Ethernet-sized MSS (TCP_MAXSEG) gives it the buffer a phone on the
                    // internet gets, so a stall reaches the server's own buffers within a run.
                    socket.SetRawSocketOption(IpProtoTcp, TcpMaxSeg, BitConverter.GetBytes(1448));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        });
    }
}
