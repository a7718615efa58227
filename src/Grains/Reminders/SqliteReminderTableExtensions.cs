using Governance.Grains.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace Governance.Grains.Reminders;

public static class SqliteReminderTableExtensions
{
    /// <summary>Enables reminders (opt-in since Orleans 10) and keeps them in the SQLite database at <paramref name="options"/>.</summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        builder.AddReminders();
        builder.Services.AddSingleton<IReminderTable>(_ => new SqliteReminderTable(options));
        return builder;
    }
}
