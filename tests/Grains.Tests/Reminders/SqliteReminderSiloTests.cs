using Governance.Grains.Reminders;
using Governance.Grains.Storage.Sqlite;
using Governance.TestServices;
using Orleans.TestingHost;

namespace Governance.Grains.Tests.Reminders;

public sealed class SqliteReminderSiloTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task A_silo_using_the_sqlite_reminder_service_stores_registered_reminders_in_the_database()
    {
        var options = new SqliteStoreOptions(Path.Combine(directory.Path, "governance.db"));
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.UseSqliteReminderService(options));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var grain = cluster.Client.GetGrain<IDeadlineProbeGrain>("coop-1/proposal-1");

        await grain.ScheduleDeadlineAsync();

        await using var store = new SqliteEventStore(options);
        var stored = await new SqliteReminderTable(store).ReadRow(grain.GetGrainId(), "deadline");
        Assert.Equal(TimeSpan.FromHours(1), stored?.Period);
    }
}
