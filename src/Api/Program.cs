using Governance.Api.Endpoints;
using Governance.Api.Hosting;

// Configuration is read once at start: watching the content root for changes would also wake on every write
// to the database kept under it, which costs a core under load.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
builder.AddGovernanceSilo();
builder.Services.AddGovernanceApi();

var app = builder.Build();
app.UseGovernanceApi();
app.MapGovernanceEndpoints();
app.Run();

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
