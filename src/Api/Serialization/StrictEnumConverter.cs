using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Api.Serialization;

/// <summary>
/// Every enum of the API as one of its <see cref="EnumNames"/>. JsonStringEnumConverter, even without
/// integer values, reads a comma-separated list of names as their combined value, whether or not the enum is flags.
/// </summary>
public sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(NamedEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class NamedEnumConverter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && EnumNames.TryParse<TEnum>(reader.GetString(), out var value)
                ? value
                : throw new JsonException($"Expected one of {EnumNames.Listed<TEnum>()}.");

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(EnumNames.NameOf(value) ?? throw new JsonException($"{value} is not a named {typeof(TEnum).Name}."));
    }
}
