using System.Diagnostics;
using System.Globalization;
using System.Text;
using Governance.Grains.Storage.Sqlite;

// Import-sized appends to the SQLite event store, each committed before the next: the writer's cost per event when
// an import appends batches of joins. Usage: Governance.SqliteAppends [appends, default 200] [events per append, default 2000]
var appends = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var eventsPerAppend = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;

var directory = Directory.CreateTempSubdirectory("governance-sqlite-appends-").FullName;
try
{
    await using var store = new SqliteEventStore(new SqliteStoreOptions(Path.Combine(directory, "governance.db")));
    var durations = new List<double>(appends);
    var version = 0L;
    var started = Stopwatch.GetTimestamp();
    for (var append = 0; append < appends; append++)
    {
        // Each join about the size of a stored MemberJoined event.
        var events = Enumerable.Range(0, eventsPerAppend).Select(i => Encoding.UTF8.GetBytes(
            $$"""{"type":"MemberJoined","memberId":"m{{version + i:D7}}","name":"Member {{version + i}}","joinedAt":"2026-12-07T21:00:00+00:00"}""")).ToArray();
        var appendStarted = Stopwatch.GetTimestamp();
        await store.AppendAsync("cooperative/bench", version, events);
        durations.Add(Stopwatch.GetElapsedTime(appendStarted).TotalMilliseconds);
        version += eventsPerAppend;
    }

    var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
    durations.Sort();
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{appends} appends of {eventsPerAppend} events: {version / elapsed:F0} events/s, an append's median {durations[appends / 2]:F2} ms, p99 {durations[(int)(appends * 0.99)]:F2} ms"));
}
finally
{
    Directory.Delete(directory, recursive: true);
}
