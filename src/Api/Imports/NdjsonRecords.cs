using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Domain.Cooperatives.Imports;

namespace Governance.Api.Imports;

/// <summary>
/// NDJSON: each line one object {"id": "...", "name": "..."}, name optional or null. The fields are read as strictly
/// as the JSON bodies of the API: no other field, none twice, each a string. Blank lines are skipped.
/// </summary>
public static class NdjsonRecords
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    public static async IAsyncEnumerable<ImportRecord> ReadAsync(IAsyncEnumerable<BodyLine> lines, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            if (line.Text is null)
            {
                yield return ImportRecord.Unreadable(line.Number);
            }
            else if (!string.IsNullOrWhiteSpace(line.Text))
            {
                yield return Parse(line.Number, line.Text);
            }
        }
    }

    private static ImportRecord Parse(long number, string text)
    {
        try
        {
            return JsonSerializer.Deserialize<NdjsonMember>(text, Strict) is { } member
                ? ImportRecord.Of(new ImportLine(number, member.Id, member.Name))
                : Invalid(number);
        }
        catch (JsonException)
        {
            return Invalid(number);
        }
    }

    private static ImportRecord Invalid(long number) => ImportRecord.Refused(
        number, ImportRefusalCodes.InvalidJson, "The line must be one JSON object with the string fields \"id\" and, optionally, \"name\", and no others.");

    private sealed record NdjsonMember(string? Id, string? Name);
}
