using IgfLive.Server.Hosting;

SharedArrayPoolSize.Apply();

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args, Console.Out);
}

var app = IgfLiveApp.Build(args);
await app.RunAsync();
return 0;
