using Governance.Grains.Reminders;
using Governance.Grains.Storage.Sqlite;
using Governance.TestServices;

namespace Governance.Grains.Tests.Storage;

/// <summary>
/// The SQLite database holds every ballot, delegation and app key hash, so on Unix its directory is created rwx------
/// and the database and the -wal and -shm files SQLite makes beside it are rw-------, whatever the umask. A database
/// an earlier release left readable by others is tightened when opened. (Windows has no such modes; there the user
/// profile's access rules apply.)
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SqliteFilePermissionTests : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode WorldReadable = Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly TemporaryDirectory directory = new();

    private string DataDirectory => Path.Combine(directory.Path, "data");

    private string DatabasePath => Path.Combine(DataDirectory, "governance.db");

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task After_a_write_the_directory_the_database_and_its_write_ahead_files_are_the_owners_alone()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var store = new SqliteEventStore(new SqliteStoreOptions(DatabasePath));
        await store.AppendAsync("stream", 0, [[1, 2, 3]]);
        var reminders = new SqliteReminderTable(store);
        await reminders.Init();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(DataDirectory));
        Assert.Equal(
            [("governance.db", Private), ("governance.db-shm", Private), ("governance.db-wal", Private)],
            Directory.GetFiles(DataDirectory).Order(StringComparer.Ordinal).Select(file => (Path.GetFileName(file), File.GetUnixFileMode(file))));
    }

    [Fact]
    public async Task A_database_left_readable_by_others_is_made_private_when_opened()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using (var earlier = new SqliteEventStore(new SqliteStoreOptions(DatabasePath)))
        {
            await earlier.AppendAsync("stream", 0, [[1]]);
        }

        File.SetUnixFileMode(DatabasePath, WorldReadable);
        await File.WriteAllBytesAsync(DatabasePath + "-wal", []);
        File.SetUnixFileMode(DatabasePath + "-wal", WorldReadable);

        await using var store = new SqliteEventStore(new SqliteStoreOptions(DatabasePath));
        await store.AppendAsync("stream", 1, [[2]]);

        Assert.All(Directory.GetFiles(DataDirectory), file => Assert.Equal((Path.GetFileName(file), Private), (Path.GetFileName(file), File.GetUnixFileMode(file))));
    }
}
