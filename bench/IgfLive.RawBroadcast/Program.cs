using IgfLive.RawBroadcast;

// Usage: dotnet IgfLive.RawBroadcast.dll --urls http://127.0.0.1:PORT [--PayloadBytes 1200]
// /ws is the bare WebSocket baseline; /hubs/session the same rooms behind a bare SignalR hub.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Logging.AddConsole().AddFilter((category, level) => level >= LogLevel.Warning || category == "Microsoft.Hosting.Lifetime");
var payloadBytes = builder.Configuration.GetValue("PayloadBytes", 1200);

var rooms = new Rooms(payloadBytes);
builder.Services.AddSingleton(rooms);
// The same keep-alive as IgfLive's hub, so the two differ only in what they do per message.
builder.Services.AddSignalR(options => options.KeepAliveInterval = TimeSpan.FromSeconds(30));

var app = builder.Build();
app.UseWebSockets();
app.Map("/ws", async context =>
{
    if (!context.WebSockets.IsWebSocketRequest)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return;
    }
    using var socket = await context.WebSockets.AcceptWebSocketAsync();
    await new RawConnection(socket, rooms).RunAsync(context.RequestAborted);
});
app.MapHub<BareHub>("/hubs/session");
app.MapGet("/health", () => "ok");
app.Run();
