using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace CertGrid.Api.GraphQl.Admission;

/// <summary>
/// GraphQL.NET's validator, with the per-request work for a document that has passed validation before done without
/// walking the document again. Once the rules are skipped (<see cref="AdmittedDocument.ValidationRules"/> is empty),
/// GraphQL.NET's validator still walks the whole document twice on every request: once to find where each variable is
/// used (for coercing a nullable variable used where a value is required), once to find the arguments and directives to
/// coerce. Neither walk depends on the request. Here the second walk is made once per operation
/// (<see cref="ArgumentSites"/>), and variables are coerced by a <see cref="ValidationContext"/> kept with the operation,
/// which remembers the first walk's answer. Values are still coerced on every request by GraphQL.NET itself
/// (<see cref="ValidationContext.GetVariablesValuesAsync"/>, <see cref="ExecutionHelper.GetArguments"/>,
/// <see cref="ExecutionHelper.GetDirectives"/>). A request whose values do not coerce, and every request that runs
/// validation rules, is validated by GraphQL.NET's validator as it is, so its errors are exactly GraphQL.NET's.
/// </summary>
/// <param name="standard">GraphQL.NET's validator (a test may watch what it is asked).</param>
public sealed class PreparedDocumentValidator(IDocumentValidator? standard = null) : IDocumentValidator
{
    private readonly IDocumentValidator _standard = standard ?? new DocumentValidator();
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, PreparedOperation> _prepared = [];

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        if (options.Rules is not ICollection<IValidationRule> { Count: 0 } || options.Operation is null)
        {
            return _standard.ValidateAsync(options);
        }

        var prepared = Prepared(options.Schema, options.Document, options.Operation);
        return prepared.Schema == options.Schema && prepared.Document == options.Document
            ? CoerceAsync(prepared, options)
            : _standard.ValidateAsync(options);
    }

    private PreparedOperation Prepared(GraphQL.Types.ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation) =>
        _prepared.TryGetValue(operation, out var known) ? known : _prepared.GetValue(operation, _ => new PreparedOperation(schema, document, operation));

    private async Task<IValidationResult> CoerceAsync(PreparedOperation prepared, ValidationOptions options)
    {
        var context = prepared.Rent();
        context.Variables = options.Variables;
        context.Extensions = options.Extensions;
        context.UserContext = options.UserContext;
        context.RequestServices = options.RequestServices;
        context.User = options.User;
        context.Metrics = options.Metrics;
        context.CancellationToken = options.CancellationToken;
        var (variables, errors) = await context.GetVariablesValuesAsync();
        if (errors is not null || context.HasErrors)
        {
            return await _standard.ValidateAsync(options);
        }

        prepared.Return(context);
        try
        {
            var (arguments, directives) = Coerce(prepared, variables, options);
            return variables == Variables.None && arguments is null && directives is null
                ? new ValidationResult()
                : new ValidationResult { Variables = variables, ArgumentValues = arguments, DirectiveValues = directives };
        }
        catch (ValidationError)
        {
            return await _standard.ValidateAsync(options);
        }
    }

    private static (Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>? Arguments, Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>? Directives) Coerce(
        PreparedOperation prepared, Variables variables, ValidationOptions options)
    {
        Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>? directives = null;
        foreach (var node in prepared.Sites.Directives)
        {
            if (ExecutionHelper.GetDirectives(node, variables, options.Schema, options.Document) is { } values)
            {
                (directives ??= []).Add((ASTNode)node, values);
            }
        }

        Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>? arguments = null;
        foreach (var (field, definitions) in prepared.Sites.Fields)
        {
            if (ExecutionHelper.GetArguments(definitions, field.Arguments, variables, options.Document, field, null) is { } values)
            {
                (arguments ??= []).Add(field, values);
            }
        }

        return (arguments, directives);
    }

    /// <summary>One operation's argument sites, and validation contexts that remember where its variables are used.</summary>
    private sealed class PreparedOperation(GraphQL.Types.ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        private const int MaxKeptContexts = 16;

        private readonly ConcurrentBag<ValidationContext> _contexts = [];

        public GraphQL.Types.ISchema Schema { get; } = schema;

        public GraphQLDocument Document { get; } = document;

        public ArgumentSites Sites { get; } = ArgumentSites.Find(schema, document, operation);

        public ValidationContext Rent() => _contexts.TryTake(out var kept) ? kept : new ValidationContext
        {
            Schema = Schema,
            Document = Document,
            Operation = operation,
            TypeInfo = new TypeInfo(Schema),
        };

        /// <summary>Keeps a context that coerced without an error, forgetting the request it served.</summary>
        public void Return(ValidationContext context)
        {
            context.Variables = null!;
            context.Extensions = null!;
            context.UserContext = null!;
            context.RequestServices = null;
            context.User = null;
            context.Metrics = null!;
            context.CancellationToken = CancellationToken.None;
            if (_contexts.Count < MaxKeptContexts)
            {
                _contexts.Add(context);
            }
        }
    }
}
