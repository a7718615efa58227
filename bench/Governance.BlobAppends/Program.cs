using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Governance.BlobAppends;

// Raw append-blob throughput: N writers, each appending one block at a time to its own append blob, conditional on
// the append position and awaiting each append before the next. This is the most one event log can carry when
// every append holds a single event, the baseline that group commit has to beat.
var options = BenchOptions.Parse(args);
var container = new BlobServiceClient(options.ConnectionString).GetBlobContainerClient("blob-appends");
await container.CreateIfNotExistsAsync();

var run = Guid.NewGuid().ToString("N");
var block = new byte[options.BlockBytes];
Random.Shared.NextBytes(block);

var writers = await Task.WhenAll(Enumerable.Range(0, options.Writers).Select(async i =>
{
    var writer = new Writer(container, $"{run}/{i}", block);
    await writer.StartAsync(); // Unmeasured: creates the blob and opens the connection.
    return writer;
}));

var stopwatch = Stopwatch.StartNew();
var deadline = stopwatch.Elapsed + options.Duration;
await Task.WhenAll(writers.Select(writer => writer.RunAsync(stopwatch, deadline)));
var elapsed = stopwatch.Elapsed;

var latencies = writers.SelectMany(writer => writer.LatenciesMs).Order().ToArray();
var appends = latencies.Length;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RAW writers={options.Writers} appends={appends} appends_per_sec={appends / elapsed.TotalSeconds:F1} " +
    $"p50_ms={Percentile(latencies, 0.50):F2} p99_ms={Percentile(latencies, 0.99):F2}"));

await Task.WhenAll(writers.Select(writer => writer.DeleteAsync()));

static double Percentile(double[] sorted, double quantile) =>
    sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))];
