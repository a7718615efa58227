using System.Text.Json.Serialization;
using Governance.Api.Authorization;
using Governance.Api.Errors;
using Governance.Api.Grains;
using Governance.Api.Imports;
using Governance.Api.Limits;
using Governance.Api.OpenApi;
using Governance.Api.Security;
using Governance.Api.Serialization;
using Governance.Api.Streams;
using Governance.Api.Validation;
using Governance.Domain.Rules;
using Governance.Grains.Hosting;
using Governance.Grains.Telemetry;
using Governance.ServiceDefaults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Governance.Api.Hosting;

public static class ApiServices
{
    public static IServiceCollection AddGovernanceApi(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddOptions<GovernanceLimits>().BindConfiguration(GovernanceSiloExtensions.LimitsSection);
        services.AddGovernanceAuthentication(configuration, contentRoot);
        services.AddGovernanceForwardedHeaders(configuration);
        services.AddGovernanceCors(configuration);
        services.AddGovernanceRateLimiting(configuration);

        // Naming the server and its version only helps someone looking for a known flaw in it.
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        services.AddOptions<MemberImportOptions>().BindConfiguration(MemberImportOptions.Section).Validate(options =>
        {
            options.Validate();
            return true;
        }).ValidateOnStart();
        services.AddSingleton<MemberImporter>();
        services.AddSingleton<PageRequests>();
        services.AddSingleton<GrainReferences>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StreamLimitOptions>().BindConfiguration(GovernanceSiloExtensions.LimitsSection);
        services.AddSingleton<StreamLimiter>();
        services.AddSingleton<LiveResultHub>();
        services.Configure<JsonOptions>(options =>
        {
            // Enums by one name only: a number or a list of names would bind whichever member has that value.
            options.SerializerOptions.Converters.Add(new StrictEnumConverter());
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;

            // A field given twice is refused: readers disagree on which value counts, so the value checked could
            // differ from the value used.
            options.SerializerOptions.AllowDuplicateProperties = false;
        });

        // Binding failures become exceptions so that one handler answers them as problem details.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = FrameworkProblems.AddCode);
        services.AddExceptionHandler<ProblemExceptionHandler>();

        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Cooperative governance API",
                Version = "v1",
                Description = "Liquid voting, delegation and proposals for cooperatives.",
            });
            options.AddSecurityDefinition(SecurityRequirementFilter.BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A member's token; on a single node, `dotnet run --project src/Api -- token --sub <member-id>` prints one.",
            });
            options.AddSecurityDefinition(AppKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = AppKeyAuthenticationHandler.Header,
                Description = "An app key issued by a cooperative's admins; it only reads that cooperative.",
            });
            options.AddSecurityDefinition(StreamTicketAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Query,
                Name = StreamTickets.QueryParameter,
                Description = "A one-minute ticket for one stream, from POST /v1/cooperatives/{cooperativeId}/stream-tickets, for a browser's EventSource, which cannot send a header.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(SecurityRequirementFilter.BearerScheme, document)] = [],
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(AppKeyAuthenticationHandler.SchemeName, document)] = [],
            });
            options.OperationFilter<RouteParametersFilter>();
            options.OperationFilter<ParameterDescriptionFilter>();
            options.OperationFilter<AccessRuleDescriptionFilter>();
            options.OperationFilter<ProblemResponsesFilter>();
            options.OperationFilter<SecurityRequirementFilter>();
            options.OperationFilter<StreamedBodyFilter>();
            options.SchemaFilter<ProblemDetailsSchemaFilter>();
            options.SchemaFilter<CloudEventSchemaFilter>();

            // Fields are described by the XML comments of the records the API reads and writes.
            options.IncludeXmlComments(typeof(ApiServices).Assembly);
            options.IncludeXmlComments(typeof(Contracts.Feed.FeedPage).Assembly);

            // Non-nullable fields are required and never null, as the records declare them; a field that is a
            // schema of its own (an enum, a record) keeps its description and nullability beside the reference.
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.UseAllOfToExtendReferenceSchemas();
        });

        // The document describes bodies as the API reads them: by default it follows MVC's JSON options, and so
        // shows enums as numbers, which the API refuses.
        services.Replace(ServiceDescriptor.Transient<ISerializerDataContractResolver>(provider =>
            new JsonSerializerDataContractResolver(provider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions)));

        services.AddGovernanceHealthChecks();
        services.AddGovernanceTelemetry(configuration, "governance-api", scrapingEndpoint: false, GovernanceMetrics.MeterName);
        return services;
    }

    public static WebApplication UseGovernanceApi(this WebApplication app)
    {
        app.UseGovernanceForwardedHeaders();
        app.UseGovernanceResponseHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseRequestBodyLimit();
        app.UseCors();
        app.UseAuthentication();
        app.UseAppKeyAttemptLimit();
        app.UseRateLimiter();
        app.UseRouteIdValidation();
        app.UseAccessControl();
        app.UseSwagger();
        app.UseSwaggerUI(options => options.SwaggerEndpoint("/swagger/v1/swagger.json", "v1"));
        app.MapGovernanceHealthEndpoints();
        return app;
    }
}
