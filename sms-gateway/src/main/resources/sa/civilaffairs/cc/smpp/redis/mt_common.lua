-- Shared by the outbound scripts. A message record ({sms}:mt:<id>) holds 'parts', 'state', 'part:<i>' (SUBMITTED,
-- DELIVERED, FAILED, UNKNOWN), 'smsc:<i>', 'error', 'callback'. The message state follows from its parts: FAILED if
-- any part failed, DELIVERED when every part is, UNKNOWN if a part's fate is unknown, else SUBMITTED.
local P = '{sms}:'

local function log(id, now, state, detail)
  redis.call('RPUSH', P .. 'mt:' .. id .. ':log', now .. '|' .. state .. '|' .. (detail or ''))
end

-- Today's SMS figures for the supervisor dashboard: a hash per Riyadh day (UTC+3, no daylight saving) keyed by its
-- epoch day, fields in, out, delivered, undelivered (core outbox.redis.SmsDayCounts reads it). Kept 8 days.
local function count(now, field)
  local k = P .. 'stats:' .. math.floor((tonumber(now) + 10800000) / 86400000)
  if redis.call('HINCRBY', k, field, 1) == 1 then
    redis.call('EXPIRE', k, 691200)
  end
end

local function derive(key)
  local parts = tonumber(redis.call('HGET', key, 'parts') or '1')
  local delivered, unknown, failed = 0, 0, 0
  for i = 1, parts do
    local s = redis.call('HGET', key, 'part:' .. i)
    if s == 'DELIVERED' then delivered = delivered + 1
    elseif s == 'FAILED' then failed = failed + 1
    elseif s == 'UNKNOWN' then unknown = unknown + 1 end
  end
  if failed > 0 then return 'FAILED' end
  if delivered == parts then return 'DELIVERED' end
  if unknown > 0 then return 'UNKNOWN' end
  return 'SUBMITTED'
end

-- Sets the message state from its parts; returns the state and whether it changed.
local function settle(id, now, detail)
  local key = P .. 'mt:' .. id
  local before = redis.call('HGET', key, 'state')
  local after = derive(key)
  if before ~= after then
    redis.call('HSET', key, 'state', after, 'updated', now)
    log(id, now, after, detail)
    if after == 'DELIVERED' then count(now, 'delivered') elseif after == 'FAILED' then count(now, 'undelivered') end
    return after, true
  end
  return after, false
end

-- Applies a receipt outcome to part i of message id. Final parts do not change again (duplicate receipts).
local function apply(id, i, outcome, err, now)
  local key = P .. 'mt:' .. id
  if redis.call('EXISTS', key) == 0 then return nil, false end
  local cur = redis.call('HGET', key, 'part:' .. i)
  if cur == 'DELIVERED' or cur == 'FAILED' then
    return redis.call('HGET', key, 'state'), false
  end
  if outcome ~= 'DELIVERED' and outcome ~= 'FAILED' then
    return redis.call('HGET', key, 'state'), false
  end
  redis.call('HSET', key, 'part:' .. i, outcome)
  if outcome == 'FAILED' and err ~= '' then
    redis.call('HSET', key, 'error', 'receipt part ' .. i .. ': ' .. err)
  end
  return settle(id, now, 'receipt part ' .. i .. ' ' .. outcome .. (err ~= '' and (' ' .. err) or ''))
end
