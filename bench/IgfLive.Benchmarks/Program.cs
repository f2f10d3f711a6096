using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/IgfLive.Benchmarks -- --filter '*'
// Each benchmark runs in its own process, built from a generated project; on a busy two-core
// machine that build alone can take minutes, so it gets more than the default two.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15));
BenchmarkSwitcher.FromAssembly(typeof(IgfLive.Benchmarks.SessionLog).Assembly).Run(args, config);
