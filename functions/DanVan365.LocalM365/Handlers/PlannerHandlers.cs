using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>
/// Planner: plans in a group, plan details, buckets, tasks and task details. Every PATCH/DELETE needs If-Match and a
/// stale one gives 412 (https://learn.microsoft.com/en-us/graph/api/resources/planner-overview , "Planner resource
/// versioning" and "Common Planner error conditions"); limits answer 403 with the limit's name as the error code.
/// </summary>
internal static partial class PlannerHandlers
{
    // Limits (https://learn.microsoft.com/en-us/office/planner/planner-limits ; error codes from the planner-overview
    // page, "403 Forbidden": the code names the limit that was exceeded).
    public const int MaxAssigneesPerTask = 20;
    public const int MaxChecklistItemsPerTask = 20;
    public const int MaxReferencesPerTask = 10;
    public const int MaxBucketsPerPlan = 200;
    public const int MaxTasksPerPlan = 9000;

    public static void Register(Router router)
    {
        // https://learn.microsoft.com/en-us/graph/api/planner-post-plans (container: group, by url or containerId)
        router.Add("POST", "planner/plans", CreatePlan);

        // https://learn.microsoft.com/en-us/graph/api/plannergroup-list-plans
        router.Add("GET", "groups/{}/planner/plans", ctx =>
        {
            if (ctx.Store.Get("group", ctx[0]) is null)
            {
                throw GraphException.NotFound("Request_ResourceNotFound",
                    $"Resource '{ctx[0]}' does not exist or one of its queried reference-property objects are not present.");
            }

            var plans = ctx.Store.Children("plan", ctx[0]).Select(p => (JsonNode)Present(p));
            return GraphResponse.Ok(ctx.Collection(plans, "Collection(microsoft.graph.plannerPlan)"));
        });
        router.Add("GET", "planner/plans/{}", ctx => GraphResponse.Ok(Present(Require(ctx, "plan", ctx[0]))));
        router.Add("PATCH", "planner/plans/{}", ctx => Patch(ctx, "plan", ctx[0], (entity, body) =>
        {
            if (body.Str("title") is { } title)
            {
                entity["title"] = title;
            }
        }));
        router.Add("DELETE", "planner/plans/{}", ctx =>
        {
            var plan = Require(ctx, "plan", ctx[0]);
            CheckIfMatch(ctx, plan);
            foreach (var task in ctx.Store.Children("task", ctx[0]))
            {
                ctx.Store.Delete("taskDetails", task.Str("id")!);
                ctx.Store.Delete("task", task.Str("id")!);
            }

            foreach (var bucket in ctx.Store.Children("bucket", ctx[0]))
            {
                ctx.Store.Delete("bucket", bucket.Str("id")!);
            }

            ctx.Store.Delete("planDetails", ctx[0]);
            ctx.Store.Delete("plan", ctx[0]);
            return GraphResponse.NoContent();
        });

        // https://learn.microsoft.com/en-us/graph/api/plannerplandetails-update (categoryDescriptions merge)
        router.Add("GET", "planner/plans/{}/details", ctx => GraphResponse.Ok(Present(Require(ctx, "planDetails", ctx[0]))));
        router.Add("PATCH", "planner/plans/{}/details", ctx => Patch(ctx, "planDetails", ctx[0], (entity, body) =>
        {
            Merge(entity, body, "categoryDescriptions", removeOnNull: false);
            Merge(entity, body, "sharedWith", removeOnNull: true);
        }));

        router.Add("GET", "planner/plans/{}/buckets", ctx =>
        {
            Require(ctx, "plan", ctx[0]);
            return GraphResponse.Ok(ctx.Collection(ctx.Store.Children("bucket", ctx[0]).Select(b => (JsonNode)Present(b)),
                "Collection(microsoft.graph.plannerBucket)"));
        });

        // https://learn.microsoft.com/en-us/graph/api/plannerplan-list-tasks (paged with @odata.nextLink)
        router.Add("GET", "planner/plans/{}/tasks", ctx =>
        {
            Require(ctx, "plan", ctx[0]);
            return Paged(ctx, ctx.Store.Children("task", ctx[0]));
        });

        // https://learn.microsoft.com/en-us/graph/api/planner-post-buckets
        router.Add("POST", "planner/buckets", ctx =>
        {
            var body = ctx.Request.JsonBody();
            var planId = body.Str("planId") ?? throw GraphException.BadRequest("planId is required.");
            Require(ctx, "plan", planId);
            if (ctx.Store.Children("bucket", planId).Count >= MaxBucketsPerPlan)
            {
                throw Limit("MaximumBucketsInProject", $"The plan already has the maximum number of buckets ({MaxBucketsPerPlan}).");
            }

            var id = Ids.PlannerId();
            var bucket = new JsonObject
            {
                ["id"] = id,
                ["name"] = body.Str("name") ?? throw GraphException.BadRequest("name is required."),
                ["planId"] = planId,
                ["orderHint"] = OrderHint(ctx, body.Str("orderHint")),
                ["_etag"] = NewETag(ctx),
            };
            ctx.Store.Put("bucket", id, planId, bucket);
            return GraphResponse.Created(Present(bucket));
        });
        router.Add("GET", "planner/buckets/{}", ctx => GraphResponse.Ok(Present(Require(ctx, "bucket", ctx[0]))));
        router.Add("GET", "planner/buckets/{}/tasks", ctx =>
        {
            var bucket = Require(ctx, "bucket", ctx[0]);
            return Paged(ctx, ctx.Store.Children("task", bucket.Str("planId")!).Where(t => t.Str("bucketId") == ctx[0]).ToList());
        });
        router.Add("PATCH", "planner/buckets/{}", ctx => Patch(ctx, "bucket", ctx[0], (entity, body) =>
        {
            if (body.Str("name") is { } name)
            {
                entity["name"] = name;
            }

            if (body.Str("orderHint") is { } hint)
            {
                entity["orderHint"] = OrderHint(ctx, hint);
            }
        }));
        router.Add("DELETE", "planner/buckets/{}", ctx =>
        {
            var bucket = Require(ctx, "bucket", ctx[0]);
            CheckIfMatch(ctx, bucket);
            ctx.Store.Delete("bucket", ctx[0]);
            return GraphResponse.NoContent();
        });

        // https://learn.microsoft.com/en-us/graph/api/planner-post-tasks
        router.Add("POST", "planner/tasks", CreateTask);
        router.Add("GET", "planner/tasks/{}", ctx => GraphResponse.Ok(Present(Require(ctx, "task", ctx[0]))));

        // https://learn.microsoft.com/en-us/graph/api/plannertask-update
        router.Add("PATCH", "planner/tasks/{}", ctx => Patch(ctx, "task", ctx[0], (task, body) => ApplyTask(ctx, task, body,
            creating: false)));

        // https://learn.microsoft.com/en-us/graph/api/plannertask-delete
        router.Add("DELETE", "planner/tasks/{}", ctx =>
        {
            var task = Require(ctx, "task", ctx[0]);
            CheckIfMatch(ctx, task);
            ctx.Store.Delete("taskDetails", ctx[0]);
            ctx.Store.Delete("task", ctx[0]);
            return GraphResponse.NoContent();
        });

        // https://learn.microsoft.com/en-us/graph/api/plannertaskdetails-update (description, checklist, references)
        router.Add("GET", "planner/tasks/{}/details", ctx => GraphResponse.Ok(Present(Require(ctx, "taskDetails", ctx[0]))));
        router.Add("PATCH", "planner/tasks/{}/details", ctx => Patch(ctx, "taskDetails", ctx[0], (details, body) => ApplyDetails(ctx,
            details, body)));
    }

    private static GraphResponse CreatePlan(OperationContext ctx)
    {
        var body = ctx.Request.JsonBody();
        var container = body.Obj("container");
        var groupId = container?.Str("containerId") ?? body.Str("owner");
        if (groupId is null && container?.Str("url") is { } url)
        {
            var marker = url.IndexOf("/groups/", StringComparison.OrdinalIgnoreCase);
            groupId = marker < 0 ? null : url[(marker + 8)..].Trim('/');
        }

        var type = container?.Str("type") ?? "group";
        if (groupId is null || !type.Equals("group", StringComparison.OrdinalIgnoreCase))
        {
            throw GraphException.BadRequest("A plan needs a group container (container.url, or container.containerId with type 'group').");
        }

        if (ctx.Store.Get("group", groupId) is null)
        {
            throw new GraphException(HttpStatusCode.Forbidden, "Forbidden",
                "You do not have the required permissions to access this item, or the item may not exist.");
        }

        var id = Ids.PlannerId();
        var plan = new JsonObject
        {
            ["id"] = id,
            ["title"] = body.Str("title") ?? throw GraphException.BadRequest("title is required."),
            ["owner"] = groupId,
            ["createdDateTime"] = ctx.NowText,
            // planner-post-plans.md and plannerplan-get.md: createdBy names the application and the user; the container is typed.
            ["createdBy"] = new JsonObject
            {
                ["application"] = new JsonObject { ["id"] = Ids.FromName("app:danvan365") },
                ["user"] = Identity()["user"]!.DeepClone(),
            },
            ["container"] = new JsonObject
            {
                ["@odata.type"] = "microsoft.graph.plannerPlanContainer",
                ["containerId"] = groupId,
                ["type"] = "group",
                ["url"] = "https://graph.microsoft.com/v1.0/groups/" + groupId,
            },
            ["_etag"] = NewETag(ctx),
        };
        ctx.Store.Put("plan", id, groupId, plan);
        var categories = new JsonObject();
        for (var i = 1; i <= 25; i++)
        {
            categories["category" + i.ToString(CultureInfo.InvariantCulture)] = null;
        }

        ctx.Store.Put("planDetails", id, string.Empty, new JsonObject
        {
            ["id"] = id,
            ["sharedWith"] = new JsonObject(),
            ["categoryDescriptions"] = categories,
            ["_etag"] = NewETag(ctx),
        });
        return GraphResponse.Created(Present(plan));
    }

}
