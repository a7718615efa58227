using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Governance.Verify.Canonical;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785), written for the verifier on its own: members sorted by the UTF-16 code
/// units of their names, no whitespace, strings escaped only where JSON requires it, numbers as ECMAScript prints a
/// double. Two JSON texts with the same values have the same canonical form.
/// </summary>
public static class CanonicalJson
{
    public static string Of(JsonElement value, IReadOnlySet<string>? omittedAtTop = null)
    {
        var text = new StringBuilder();
        Append(text, value, omittedAtTop ?? new HashSet<string>());
        return text.ToString();
    }

    private static void Append(StringBuilder text, JsonElement value, IReadOnlySet<string> omitted)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var members = value.EnumerateObject().Where(member => !omitted.Contains(member.Name)).ToList();
                members.Sort((left, right) => string.CompareOrdinal(left.Name, right.Name));
                text.Append('{');
                for (var index = 0; index < members.Count; index++)
                {
                    if (index > 0)
                    {
                        text.Append(',');
                    }

                    AppendString(text, members[index].Name);
                    text.Append(':');
                    Append(text, members[index].Value, new HashSet<string>());
                }

                text.Append('}');
                return;
            case JsonValueKind.Array:
                text.Append('[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    Append(text, item, new HashSet<string>());
                }

                text.Append(']');
                return;
            case JsonValueKind.String:
                AppendString(text, value.GetString()!);
                return;
            case JsonValueKind.Number:
                text.Append(Number(value.GetDouble()));
                return;
            default:
                // true, false and null are written as they are.
                text.Append(value.GetRawText());
                return;
        }
    }

    private static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var character in value)
        {
            switch (character)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\u0008': text.Append("\\b"); break;
                case '\u0009': text.Append("\\t"); break;
                case '\u000A': text.Append("\\n"); break;
                case '\u000C': text.Append("\\f"); break;
                case '\u000D': text.Append("\\r"); break;
                default:
                    if (character < '\u0020')
                    {
                        text.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(character);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    /// <summary>
    /// ECMAScript's Number::toString: with s the shortest digits that round-trip and n the position of the decimal
    /// point relative to them (value = 0.s × 10^n), plain notation for -6 &lt; n ≤ 21 and exponent notation otherwise.
    /// </summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON numbers are finite.");
        }

        if (value == 0)
        {
            return "0";
        }

        if (value < 0)
        {
            return "-" + Number(-value);
        }

        var (digits, n) = ShortestDigits(value);
        var k = digits.Length;
        if (n >= k && n <= 21)
        {
            return digits + new string('0', n - k);
        }

        if (n > 0 && n <= 21)
        {
            return string.Concat(digits.AsSpan(0, n), ".", digits.AsSpan(n));
        }

        if (n > -6 && n <= 0)
        {
            return "0." + new string('0', -n) + digits;
        }

        var exponent = n - 1;
        var sign = exponent < 0 ? "-" : "+";
        var mantissa = k == 1 ? digits : string.Concat(digits.AsSpan(0, 1), ".", digits.AsSpan(1));
        return mantissa + "e" + sign + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The significant digits of .NET's shortest round-trip form (such as "1.5E-07") and n, with value = 0.digits × 10^n.</summary>
    private static (string Digits, int N) ShortestDigits(double value)
    {
        var roundTrip = value.ToString("R", CultureInfo.InvariantCulture);
        var parts = roundTrip.Split('E');
        var exponent = parts.Length == 2 ? int.Parse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var whole = parts[0].Split('.');
        var integerPart = whole[0];
        var fraction = whole.Length == 2 ? whole[1] : "";
        var digits = integerPart + fraction;
        var n = integerPart.Length + exponent;
        while (digits.Length > 1 && digits[0] == '0')
        {
            digits = digits[1..];
            n--;
        }

        return (digits.TrimEnd('0'), n);
    }
}
