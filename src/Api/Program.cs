using Governance.Api.Endpoints;
using Governance.Api.Hosting;
using Governance.Api.OpenApi;
using Governance.Api.Security;

if (args is [TokenCommand.Name, .. var tokenArgs])
{
    var configuration = new ConfigurationBuilder()
        .SetBasePath(Directory.GetCurrentDirectory())
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();
    return TokenCommand.Run(tokenArgs, configuration, Directory.GetCurrentDirectory(), Console.Out, Console.Error);
}

// "openapi <file>" builds the same application as a start does, only to write the document it serves.
var openApiOutput = OpenApiCommand.OutputPath(args);

// Configuration is read once at start: watching the content root for changes would also wake on every write
// to the database kept under it, which costs a core under load.
var builder = WebApplication.CreateBuilder(openApiOutput is null ? [.. args, "--hostBuilder:reloadConfigOnChange=false"] : OpenApiCommand.HostArguments());
builder.AddGovernanceOrleans();
builder.Services.AddGovernanceApi(builder.Configuration, builder.Environment.ContentRootPath);

var app = builder.Build();
app.UseGovernanceApi();
app.MapGovernanceEndpoints();
if (openApiOutput is not null)
{
    return await OpenApiCommand.WriteAsync(app, openApiOutput);
}

app.Run();
return 0;

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
