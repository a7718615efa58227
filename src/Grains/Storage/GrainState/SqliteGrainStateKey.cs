using Microsoft.Data.Sqlite;

namespace Governance.Grains.Storage.GrainState;

/// <summary>The primary key of one grain's named state: its grain type, the key within that type, and the state's name.</summary>
internal readonly record struct SqliteGrainStateKey(string GrainType, string GrainKey, string StateName)
{
    public const string Match = "grain_type = $grain_type AND grain_id = $grain_id AND state_name = $state_name";

    public static SqliteGrainStateKey Of(string stateName, GrainId grainId)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        return new(grainId.Type.ToString()!, grainId.Key.ToString()!, stateName);
    }

    public void Bind(SqliteCommand command)
    {
        command.Parameters.AddWithValue("$grain_type", GrainType);
        command.Parameters.AddWithValue("$grain_id", GrainKey);
        command.Parameters.AddWithValue("$state_name", StateName);
    }

    public override string ToString() => $"{GrainType}/{GrainKey} state '{StateName}'";
}
