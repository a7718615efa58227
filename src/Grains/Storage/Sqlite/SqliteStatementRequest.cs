using Microsoft.Data.Sqlite;

namespace Governance.Grains.Storage.Sqlite;

/// <summary>One statement on another table of the file, run by the writer inside its batch; it reports the rows it changed.</summary>
internal sealed class SqliteStatementRequest(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    : SqliteWriteRequest(cancellationToken)
{
    /// <summary>Valid once the request has completed successfully.</summary>
    public int RowsChanged { get; private set; }

    public override void Apply(SqliteWriteCommands commands) => RowsChanged = commands.Execute(sql, bind);
}
