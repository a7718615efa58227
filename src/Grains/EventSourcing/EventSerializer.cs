using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Grains.EventSourcing;

/// <summary>Events and snapshots are stored as camelCase JSON, so the logs stay readable as an audit trail.</summary>
public static class EventSerializer
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Deserialize<T>(byte[] data) =>
        JsonSerializer.Deserialize<T>(data, Options) ?? throw new InvalidDataException($"A stored {typeof(T).Name} was empty.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
