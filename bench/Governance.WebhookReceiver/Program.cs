// The feed benchmark's webhook receiver: answers every delivery 200 at once and counts the distinct webhook-ids, so
// the benchmark can tell how many events arrived and how far behind delivery is.
using System.Collections.Concurrent;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var received = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
long requests = 0;
app.MapPost("/hook", (HttpRequest request) =>
{
    Interlocked.Increment(ref requests);
    received.TryAdd(request.Headers["webhook-id"].ToString(), 0);
    return Results.Ok();
});
app.MapGet("/count", () => Results.Text($"{received.Count} {Interlocked.Read(ref requests)}"));
app.Run();
