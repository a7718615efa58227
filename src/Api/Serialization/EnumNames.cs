using System.Text.Json;

namespace Governance.Api.Serialization;

/// <summary>
/// The names an enum has on the wire: each member's name in camelCase. Reading takes exactly one of them, in any
/// letter case, and nothing else: Enum.Parse would also take numbers, surrounding spaces and comma-separated lists,
/// which combine into whichever member has the combined value ("yes,no" is abstain).
/// </summary>
public static class EnumNames
{
    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum =>
        Names<TEnum>.ValueByName.TryGetValue(name ?? "", out value);

    public static string? NameOf<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Names<TEnum>.NameByValue.GetValueOrDefault(value);

    /// <summary>The names for a message, such as "open, claimed, completed or reviewed".</summary>
    public static string Listed<TEnum>()
        where TEnum : struct, Enum =>
        Names<TEnum>.Listed;

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> NameByValue =
            Enum.GetValues<TEnum>().ToDictionary(value => value, value => JsonNamingPolicy.CamelCase.ConvertName(value.ToString()));

        public static readonly Dictionary<string, TEnum> ValueByName =
            NameByValue.ToDictionary(entry => entry.Value, entry => entry.Key, StringComparer.OrdinalIgnoreCase);

        public static readonly string Listed = string.Join(", ", NameByValue.Values.SkipLast(1)) + " or " + NameByValue.Values.Last();
    }
}
