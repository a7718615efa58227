using System.Diagnostics;
using System.Globalization;
using Governance.Domain.Cooperatives;
using Governance.Grains.EventSourcing;
using Governance.Grains.Storage;
using Governance.Grains.Storage.Sqlite;
using Governance.SnapshotLoad;
using Microsoft.Data.Sqlite;

// One cooperative of a million members with 600,000 default delegations in a SQLite log. Measured: the managed heap
// its state holds per member, each snapshot format's write and read, and the first answer of a silo started over the
// log, with the snapshot at several distances from the log's end (format:events after it).
//
//   dotnet run -c Release --project bench/Governance.SnapshotLoad -- [members] [delegations] [json:600000,binary:50000,...]
var members = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var delegations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 600_000;
var activations = (args.Length > 2 ? args[2] : $"json:{delegations},binary:{delegations},binary:50000,binary:0").Split(',')
    .Select(activation => activation.Split(':'))
    .Select(parts => (Codec: SnapshotCodec.Named(parts[0]), Tail: int.Parse(parts[1], CultureInfo.InvariantCulture)))
    .ToArray();
const string CooperativeId = "large";
const string StreamId = $"cooperative/{CooperativeId}";
var log = new LargeCooperative(members, delegations);
var eventCount = members + delegations;

var before = GC.GetTotalMemory(forceFullCollection: true);
var built = log.Fold();
var after = GC.GetTotalMemory(forceFullCollection: true);
Report($"state members={built.MemberCount} events={built.Version} heap_bytes={after - before} bytes_per_member={(after - before) / (double)members:F1}");

foreach (var codec in SnapshotCodec.All)
{
    var write = Stopwatch.StartNew();
    var data = codec.Write(built);
    write.Stop();
    var read = Stopwatch.StartNew();
    var restored = codec.Read(data);
    read.Stop();
    Report($"snapshot format={codec.Name} bytes={data.Length} write_ms={write.Elapsed.TotalMilliseconds:F0} read_ms={read.Elapsed.TotalMilliseconds:F0} members={restored.MemberCount}");
    restored = null;
    data = null;
    var beforeRestore = GC.GetTotalMemory(forceFullCollection: true);
    restored = codec.Read(codec.Write(built));
    var afterRestore = GC.GetTotalMemory(forceFullCollection: true);
    Report($"restored format={codec.Name} bytes_per_member={(afterRestore - beforeRestore) / (double)members:F1} members={restored.MemberCount}");
}

built = null;
var directory = Directory.CreateTempSubdirectory("snapshot-load-").FullName;
var database = Path.Combine(directory, "governance.db");
await using (var store = new SqliteEventStore(new SqliteStoreOptions(database)))
{
    var append = Stopwatch.StartNew();
    var version = 0L;
    foreach (var batch in log.Events().Select(EventSerializer.Serialize<CooperativeEvent>).Chunk(10_000))
    {
        await store.AppendAsync(StreamId, version, batch);
        version += batch.Length;
    }

    Report($"log events={version} append_s={append.Elapsed.TotalSeconds:F1} bytes={new FileInfo(database).Length}");
}

foreach (var (codec, tail) in activations)
{
    var atSnapshot = new Cooperative();
    foreach (var @event in log.Events().Take(eventCount - tail))
    {
        atSnapshot.Apply(@event);
    }

    var data = codec.Write(atSnapshot);
    var save = Stopwatch.StartNew();
    ReplaceSnapshot(database, StreamId, new SnapshotRecord(atSnapshot.Version, data));
    save.Stop();
    var (first, second) = await Activation.TimeFirstAnswerAsync(database, CooperativeId, LargeCooperative.MemberId(members / 2));
    Report($"activation format={codec.Name} snapshot_version={atSnapshot.Version} replayed={tail} snapshot_save_ms={save.Elapsed.TotalMilliseconds:F0} first_answer_ms={first.TotalMilliseconds:F0} next_answer_ms={second.TotalMilliseconds:F1}");
}

Directory.Delete(directory, recursive: true);

static void Report(string line) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{line}"));

// Written straight into the table, since the store keeps a newer snapshot over an older one.
static void ReplaceSnapshot(string database, string streamId, SnapshotRecord snapshot)
{
    using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "INSERT OR REPLACE INTO snapshots (stream, version, data) VALUES ($stream, $version, $data)";
    command.Parameters.AddWithValue("$stream", streamId);
    command.Parameters.AddWithValue("$version", snapshot.Version);
    command.Parameters.AddWithValue("$data", snapshot.Data);
    command.ExecuteNonQuery();
}
