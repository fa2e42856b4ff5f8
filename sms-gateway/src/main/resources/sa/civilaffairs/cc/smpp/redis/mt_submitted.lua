-- Records the outcome of submitting every part of one or more messages and acknowledges their outbox entries.
-- KEYS[1..3] outbox streams (reply, notification, bulk). ARGV: now, group, mapTtlMs, then per message: entryId, id,
-- to, lane (1-3), parts, then per part: outcome (S submitted, U no response, F failed), SMSC ids (the id and its
-- alternative forms, comma separated), error.
-- A message with a part the SMSC accepted counts as sent today (count in mt_common.lua).
-- Receipts that arrived before this (stored by mt_receipt) are applied now. Returns per message: state, callback.
local now, group, ttl = ARGV[1], ARGV[2], ARGV[3]
local out = {}
local a = 4
while a <= #ARGV do
  local entry, id, to, lane, n = ARGV[a], ARGV[a + 1], ARGV[a + 2], tonumber(ARGV[a + 3]), tonumber(ARGV[a + 4])
  a = a + 5
  local key = P .. 'mt:' .. id
  local accepted = false
  for i = 1, n do
    local outcome, ids, err = ARGV[a], ARGV[a + 1], ARGV[a + 2]
    a = a + 3
    if outcome == 'S' then
      accepted = true
      local primary = nil
      local early = nil
      for sid in string.gmatch(ids, '[^,]+') do
        primary = primary or sid
        redis.call('SET', P .. 'smsc:' .. sid, id .. '|' .. i, 'PX', ttl)
        local e = redis.call('GET', P .. 'dlr:' .. sid)
        if e then
          early = e
          redis.call('DEL', P .. 'dlr:' .. sid)
          redis.call('LREM', P .. 'dlr-by:' .. to, 1, sid)
        end
      end
      redis.call('HSET', key, 'part:' .. i, 'SUBMITTED', 'smsc:' .. i, primary)
      if early then
        local sep = string.find(early, '|', 1, true)
        redis.call('HSET', key, 'part:' .. i, string.sub(early, 1, sep - 1))
        if string.sub(early, 1, sep - 1) == 'FAILED' then
          redis.call('HSET', key, 'error', 'receipt part ' .. i .. ': ' .. string.sub(early, sep + 1))
        end
      end
    elseif outcome == 'U' then
      -- no submit_sm_resp: a receipt for this number that matched nothing is taken as this part's
      local sid = redis.call('LPOP', P .. 'dlr-by:' .. to)
      local e = sid and redis.call('GET', P .. 'dlr:' .. sid)
      if e then
        redis.call('DEL', P .. 'dlr:' .. sid)
        redis.call('SET', P .. 'smsc:' .. sid, id .. '|' .. i, 'PX', ttl)
        local sep = string.find(e, '|', 1, true)
        redis.call('HSET', key, 'part:' .. i, string.sub(e, 1, sep - 1), 'smsc:' .. i, sid)
        log(id, now, 'RECONCILED', 'part ' .. i .. ' from an earlier receipt')
      else
        redis.call('HSET', key, 'part:' .. i, 'UNKNOWN')
        redis.call('RPUSH', P .. 'unk:' .. to, id .. '|' .. i)
        redis.call('PEXPIRE', P .. 'unk:' .. to, ttl)
      end
    else
      redis.call('HSET', key, 'part:' .. i, 'FAILED', 'error', 'part ' .. i .. ': ' .. err)
    end
  end
  if accepted then count(now, 'out') end
  out[#out + 1] = settle(id, now, '')
  out[#out + 1] = redis.call('HGET', key, 'callback') or ''
  redis.call('XACK', KEYS[lane], group, entry)
end
return out
