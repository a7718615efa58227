namespace Governance.Api.Tests.Infrastructure;

/// <summary>The paths and bodies of member imports.</summary>
public static class ImportRoutes
{
    public const string Csv = "text/csv";

    public const string Ndjson = "application/x-ndjson";

    public static string Import(string cooperativeId, string? importId = null) =>
        Routes.WithQuery($"{Routes.Members(cooperativeId)}/import", ("importId", importId));

    public static string Record(string cooperativeId, string importId) => $"{Routes.Cooperative(cooperativeId)}/member-imports/{importId}";

    /// <summary>The refused lines of an outcome as (line, code) pairs, in order.</summary>
    public static (long Line, string Code)[] Refusals(JsonElement outcome) =>
        [.. outcome.GetProperty("refusals").EnumerateArray().Select(refusal => (refusal.GetProperty("line").GetInt64(), refusal.GetProperty("code").GetString()!))];

    /// <summary>An outcome's counts: lines, added, existing, refused.</summary>
    public static (long Lines, long Added, long Existing, long Refused) Counts(JsonElement outcome) =>
        (outcome.GetProperty("lines").GetInt64(), outcome.GetProperty("added").GetInt64(),
         outcome.GetProperty("existing").GetInt64(), outcome.GetProperty("refused").GetInt64());
}
