using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace Governance.Grains.Storage.GrainState;

/// <summary>
/// Writes grain state as plain JSON, the same on every provider, so the stored text reads without the code.
/// </summary>
/// <remarks>
/// Orleans' default grain storage serializer embeds CLR type names (<c>$type</c>) in the JSON, which ties stored state
/// to the namespaces and assemblies of the day. System.Text.Json with web defaults stores only the properties
/// (camelCase) and enums by name, so renaming a class or reordering an enum leaves stored state readable.
/// </remarks>
internal sealed class GrainStateJsonSerializer : IGrainStorageSerializer
{
    public static readonly GrainStateJsonSerializer Instance = new();

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private GrainStateJsonSerializer()
    {
    }

    public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input, Options);

    public T? Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>(Options);
}
