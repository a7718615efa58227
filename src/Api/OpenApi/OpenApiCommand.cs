using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;

namespace Governance.Api.OpenApi;

/// <summary>
/// "openapi [file]": writes the OpenAPI document the API serves at /swagger/v1/swagger.json, from the same
/// application and the same Swagger options, without starting it. Without a file it writes the repository's
/// openapi.json (beside Governance.sln, found above the working directory), from which the typed client is generated;
/// a test fails when the two differ.
/// </summary>
public static class OpenApiCommand
{
    public const string Name = "openapi";

    public const string DocumentName = "v1";

    /// <summary>How the repository's copy is written again, for messages that ask for it.</summary>
    public const string Regenerate = "dotnet run --project src/Api -- openapi";

    public const string RepositoryFile = "openapi.json";

    /// <summary>
    /// Settings under which the application is built only to describe itself: nothing is stored, and a throwaway
    /// signing key keeps the node's key file from being created.
    /// </summary>
    public static string[] HostArguments() =>
    [
        "--Storage:Provider=Memory",
        $"--Auth:Jwt:SigningKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}",
        "--Auth:Jwt:Authority=",
        "--Logging:LogLevel:Default=Warning",
        "--hostBuilder:reloadConfigOnChange=false",
    ];

    /// <summary>The file "openapi [file]" writes, or null when <paramref name="args"/> are not this command.</summary>
    public static string? OutputPath(string[] args) => args switch
    {
        [Name] => RepositoryDocument(Directory.GetCurrentDirectory()),
        [Name, var path] => path,
        _ => null,
    };

    /// <summary>openapi.json beside Governance.sln: "dotnet run --project src/Api" runs in src/Api, not where it was typed.</summary>
    private static string RepositoryDocument(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Governance.sln")))
            {
                return Path.Combine(directory.FullName, RepositoryFile);
            }
        }

        throw new InvalidOperationException($"No Governance.sln above {start}: name the file to write, as in 'openapi {RepositoryFile}'.");
    }

    public static async Task<int> WriteAsync(WebApplication app, string path)
    {
        // Starting would do this: hand the mapped routes to routing's global list, where the API explorer finds them.
        app.UseEndpoints(_ => { });
        await File.WriteAllTextAsync(path, Serialize(app.Services));
        await Console.Out.WriteLineAsync($"Wrote the OpenAPI document to {Path.GetFullPath(path)}.");
        return 0;
    }

    /// <summary>The document as the Swagger middleware writes it: the same provider, filters, version and serializer.</summary>
    public static string Serialize(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptionsSnapshot<SwaggerOptions>>().Value;
        var document = scope.ServiceProvider.GetRequiredService<ISwaggerProvider>().GetSwagger(DocumentName, host: null, basePath: null);
        var request = new DefaultHttpContext { RequestServices = scope.ServiceProvider }.Request;
        foreach (var filter in options.PreSerializeFilters)
        {
            filter(document, request);
        }

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var writer = new OpenApiJsonWriter(text);
        if (options.CustomDocumentSerializer is { } serializer)
        {
            serializer.SerializeDocument(document, writer, options.OpenApiVersion);
        }
        else
        {
            document.SerializeAs(options.OpenApiVersion, writer);
        }

        return text.ToString();
    }
}
