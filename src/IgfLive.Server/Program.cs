using IgfLive.Server.Hosting;

var app = IgfLiveApp.Build(args);
app.Run();
