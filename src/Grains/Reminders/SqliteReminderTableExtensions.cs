using Governance.Grains.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;

namespace Governance.Grains.Reminders;

public static class SqliteReminderTableExtensions
{
    /// <summary>
    /// Enables reminders (opt-in since Orleans 10) and keeps them in the SQLite database at <paramref name="options"/>,
    /// written by the event store of that file.
    /// </summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        builder.AddReminders();
        builder.Services.TryAddSingleton(_ => new SqliteEventStore(options));
        builder.Services.AddSingleton<IReminderTable>(services => new SqliteReminderTable(services.GetRequiredService<SqliteEventStore>()));
        return builder;
    }
}
